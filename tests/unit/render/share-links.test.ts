/** Unit tests for src/render/share-links.ts and layouts/share-links.ts: the share addresses, encoded, and their markup. */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { load } from "cheerio";
import { shareAddresses, SHARE_NETWORKS } from "../../../src/render/share-links.js";
import { renderShareLinks } from "../../../layouts/share-links.js";

const URL_ = "https://akhbar.test/news/149840/";

/** The query parameters of a share address (a mailto: address's too), decoded. */
function parameters(href: string): Record<string, string> {
  const query = href.slice(href.indexOf("?") + 1);
  return Object.fromEntries(query.split("&").map((pair) => pair.split("=").map(decodeURIComponent) as [string, string]));
}

describe("shareAddresses", () => {
  const titles = [
    ["a Persian title", "بخشداری کهریزک؛ میزبان اولین نشست شورای هماهنگی روابط‌عمومی"],
    ["a title with &, #, ? and =", "نشست «الف & ب» #۱؟ a=b?c#d"],
    ["quotes and angle brackets", `"سخنان" <b>استاندار</b> 'تهران'`],
    ["a title with a line break and %", "سطر نخست\nسطر دوم ۵۰%"],
  ] as const;
  for (const [name, title] of titles) {
    test(`${name}: each parameter decodes to the title and the address, and nothing leaks out of it`, () => {
      const links = shareAddresses(URL_, title);
      assert.deepEqual(links.map((link) => link.network), [...SHARE_NETWORKS]);
      const [telegram, whatsapp, x, email] = links.map((link) => link.href);
      assert.ok(telegram!.startsWith("https://t.me/share/url?"));
      assert.deepEqual(parameters(telegram!), { url: URL_, text: title });
      assert.ok(whatsapp!.startsWith("https://wa.me/?"));
      assert.deepEqual(parameters(whatsapp!), { text: `${title}\n${URL_}` });
      assert.ok(x!.startsWith("https://x.com/intent/tweet?"));
      assert.deepEqual(parameters(x!), { text: title, url: URL_ });
      assert.ok(email!.startsWith("mailto:?"));
      assert.deepEqual(parameters(email!), { subject: title, body: `${title}\r\n\r\n${URL_}` });
      // Encoded: no raw space, quote, angle bracket, #, line break or non-ASCII letter in any address.
      for (const href of [telegram, whatsapp, x, email]) assert.match(href!, /^[A-Za-z0-9:/?&=%._~*'()!-]+$/, href);
    });
  }

  test("the Persian title of a sample release, as Telegram receives it", () => {
    const [telegram] = shareAddresses("https://akhbar.test/news/1/", "دیدار");
    assert.equal(telegram!.href, "https://t.me/share/url?url=https%3A%2F%2Fakhbar.test%2Fnews%2F1%2F&text=%D8%AF%DB%8C%D8%AF%D8%A7%D8%B1");
  });
});

describe("renderShareLinks", () => {
  test("plain links with Persian accessible names, opened apart; the copy button hidden until the page's script shows it", () => {
    const $ = load(renderShareLinks(URL_, `"><script>alert(1)</script>`, "fa").value);
    assert.equal($("script").length, 0);
    assert.equal($("img, svg, iframe").length, 0);
    const links = $(".share-links__list a");
    assert.deepEqual(links.map((_, link) => $(link).attr("aria-label")).get(), ["هم‌رسانی در تلگرام", "هم‌رسانی در واتس‌اپ", "هم‌رسانی در ایکس (توییتر)", "فرستادن با ایمیل"]);
    assert.deepEqual(links.map((_, link) => $(link).text()).get(), ["تلگرام", "واتس‌اپ", "ایکس (توییتر)", "ایمیل"]);
    // Each accessible name contains the visible text (a speech user says what they see).
    links.each((_, link) => assert.ok($(link).attr("aria-label")!.includes($(link).text())));
    for (const link of links.slice(0, 3).toArray()) assert.deepEqual([$(link).attr("target"), $(link).attr("rel")], ["_blank", "noopener noreferrer"]);
    assert.equal(links.last().attr("target"), undefined);
    assert.equal(parameters(links.first().attr("href")!).text, `"><script>alert(1)</script>`);
    const copy = $("button[data-akhbar-copy]");
    assert.deepEqual([copy.attr("type"), copy.attr("hidden"), copy.attr("data-akhbar-copy"), copy.attr("data-akhbar-copied"), copy.text()], ["button", "hidden", URL_, "پیوند رونوشت شد", "رونوشت پیوند"]);
    assert.equal($("h2#share-links-title").text(), "هم‌رسانی این خبر");
  });

  test("an English page's links are named in English", () => {
    const $ = load(renderShareLinks("https://akhbar.test/en/news/7/", "Governor meets", "en").value);
    assert.deepEqual($(".share-links__list a").map((_, link) => $(link).attr("aria-label")).get(), ["Share on Telegram", "Share on WhatsApp", "Share on X (Twitter)", "Send by e-mail"]);
    assert.equal($("button[data-akhbar-copy]").text(), "Copy link");
  });
});
