/** Unit tests for src/render/structured-data.ts: NewsArticle JSON-LD that no value can break out of, and sharing tags. */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as cheerio from "cheerio";
import { DateTime } from "luxon";
import { siteMetadata } from "../../../src/content/site.js";
import { jsonLdScript, newsArticle, pageSharingTags, releaseSharingTags, scriptSafeJson } from "../../../src/render/structured-data.js";
import { makeRelease } from "../../support/release-factory.js";

const site = siteMetadata({ SITE_URL: "https://akhbar.test" });

test("scriptSafeJson: the same JSON, with nothing that could end or bend a script element", () => {
  const cases: unknown[] = [
    "</script><script>alert(1)</script>",
    "<!-- <script>",
    "a & b > c",
    "line\u2028separator\u2029",
    { nested: ["</SCRIPT>", 1, null] },
  ];
  for (const value of cases) {
    const text = scriptSafeJson(value);
    assert.deepEqual(JSON.parse(text), value);
    assert.doesNotMatch(text, /[<>&\u2028\u2029]/);
  }
  assert.equal(scriptSafeJson("</script>"), String.raw`"\u003c/script\u003e"`);
});

test("a hostile title stays inside the JSON-LD script and reads back intact", () => {
  const title = `</script><script>alert("x")</script><!--`;
  const $ = cheerio.load(`<head>${jsonLdScript({ headline: title }).value}</head>`);
  assert.equal($("script").length, 1);
  assert.deepEqual(JSON.parse($("script").text()), { headline: title });
});

test("newsArticle: every field, absolute addresses, Tehran dates", () => {
  const release = makeRelease(149840, "2023-12-10T11:00:00+03:30", {
    title: "عنوان",
    lead: "خلاصه",
    image: "/images/a.jpg",
    imageAlt: "تصویر",
    tags: ["نشست", "روابط‌عمومی"],
    organization: "استانداری تهران",
  });
  assert.deepEqual(newsArticle(site, release), {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: "عنوان",
    description: "خلاصه",
    datePublished: "2023-12-10T11:00:00+03:30",
    dateModified: "2023-12-10T11:00:00+03:30",
    image: ["https://akhbar.test/images/a.jpg"],
    author: { "@type": "Organization", name: "استانداری تهران" },
    publisher: { "@type": "Organization", name: "روابط‌عمومی استانداری تهران", url: "https://akhbar.test/" },
    mainEntityOfPage: { "@type": "WebPage", "@id": "https://akhbar.test/news/149840/" },
    url: "https://akhbar.test/news/149840/",
    inLanguage: "fa",
    keywords: "نشست, روابط‌عمومی",
  });
  const english = newsArticle({ ...site, logo: { url: "/images/logo.png", width: 120, height: 60 } }, makeRelease(7, "2022-05-18T10:00:00+04:30", { lang: "en" }));
  assert.deepEqual(english.publisher, {
    "@type": "Organization",
    name: "Tehran Governorate Public Relations",
    url: "https://akhbar.test/",
    logo: { "@type": "ImageObject", url: "https://akhbar.test/images/logo.png", width: 120, height: 60 },
  });
  assert.equal(english.author, english.publisher);
  assert.equal(english.inLanguage, "en");
  assert.equal(english.url, "https://akhbar.test/en/news/7/");
  assert.equal("image" in english || "description" in english || "keywords" in english, false);
});

test("sharing tags: OpenGraph and Twitter, a large card only with an image", () => {
  const meta = (markup: string) => {
    const $ = cheerio.load(`<head>${markup}</head>`);
    return $("meta").map((_, element) => `${$(element).attr("property") ?? $(element).attr("name")}=${$(element).attr("content")}`).get();
  };
  const withImage = makeRelease(1, "2024-01-01T10:00:00+03:30", { title: `"T" <b>`, lead: "L", image: "https://cdn.example.org/p.jpg", imageAlt: "A", tags: ["x", "y"] });
  assert.deepEqual(meta(releaseSharingTags(site, withImage).value), [
    "og:type=article",
    "og:site_name=آرشیو خبرهای استانداری تهران",
    `og:title="T" <b>`,
    "og:description=L",
    "og:url=https://akhbar.test/news/1/",
    "og:locale=fa_IR",
    "og:image=https://cdn.example.org/p.jpg",
    "og:image:alt=A",
    "article:published_time=2024-01-01T10:00:00+03:30",
    "article:modified_time=2024-01-01T10:00:00+03:30",
    "article:tag=x",
    "article:tag=y",
    "twitter:card=summary_large_image",
    `twitter:title="T" <b>`,
    "twitter:description=L",
    "twitter:image=https://cdn.example.org/p.jpg",
    "twitter:image:alt=A",
  ]);
  const plain = meta(releaseSharingTags(site, makeRelease(2, "2024-01-01T10:00:00+03:30", { lang: "en" })).value);
  assert.ok(plain.includes("twitter:card=summary"));
  assert.ok(plain.includes("og:locale=en_US"));
  assert.ok(plain.includes("og:description=News releases of the Tehran Governorate public-relations office"));
  assert.equal(plain.some((entry) => entry.startsWith("og:image") || entry.startsWith("twitter:image")), false);
});

test("sharing tags: a release without a picture is shared with the site's logo, in a small card", () => {
  const meta = (markup: string) => {
    const $ = cheerio.load(`<head>${markup}</head>`);
    return Object.fromEntries($("meta[property^='og:image'], meta[name^='twitter:']").map((_, element) => [[$(element).attr("property") ?? $(element).attr("name"), $(element).attr("content")]]).get());
  };
  const withLogo = { ...site, logo: { url: "/images/logo.png", width: 192, height: 96 } };
  assert.deepEqual(meta(releaseSharingTags(withLogo, makeRelease(3, "2024-01-01T10:00:00+03:30", { title: "T" })).value), {
    "og:image": "https://akhbar.test/images/logo.png",
    "og:image:width": "192",
    "og:image:height": "96",
    "og:image:alt": "آرشیو خبرهای استانداری تهران",
    "twitter:card": "summary",
    "twitter:title": "T",
    "twitter:description": "خبرها و اطلاعیه‌های روابط‌عمومی استانداری تهران و شهرستان‌های استان",
    "twitter:image": "https://akhbar.test/images/logo.png",
    "twitter:image:alt": "آرشیو خبرهای استانداری تهران",
  });
  // A release's own picture comes first; the logo is not named.
  const own = meta(releaseSharingTags(withLogo, makeRelease(4, "2024-01-01T10:00:00+03:30", { image: "/images/a.jpg", imageAlt: "A" })).value);
  assert.equal(own["og:image"], "https://akhbar.test/images/a.jpg");
  assert.equal(own["og:image:width"], undefined);
  assert.equal(own["twitter:card"], "summary_large_image");
});

test("pageSharingTags: a page of content/pages/ is a web page, shared with the logo and its own description", () => {
  const $ = cheerio.load(`<head>${pageSharingTags({ ...site, logo: { url: "/images/logo.png", width: 10, height: 10 } }, { title: "About us", description: "Who we are", url: "/en/about/", lang: "en" }).value}</head>`);
  const content = (key: string) => $(`meta[property="${key}"], meta[name="${key}"]`).attr("content");
  assert.equal(content("og:type"), "website");
  assert.equal(content("og:url"), "https://akhbar.test/en/about/");
  assert.equal(content("og:locale"), "en_US");
  assert.equal(content("og:description"), "Who we are");
  assert.equal(content("og:image"), "https://akhbar.test/images/logo.png");
  assert.equal(content("og:image:alt"), "Tehran Governorate News Archive");
  const plain = cheerio.load(`<head>${pageSharingTags(site, { title: "درباره ما", url: "/about/", lang: "fa" }).value}</head>`);
  assert.equal(plain('meta[property="og:description"]').attr("content"), site.description.fa);
  assert.equal(plain('meta[property="og:image"]').length, 0);
});

test("newsArticle: a report's @type is ReportageNewsArticle, another type's NewsArticle; dateModified is the update, when there is one", () => {
  const photoReport = newsArticle(site, makeRelease(1, "2023-12-10T11:00:00+03:30", { type: "photo-report" }));
  assert.equal(photoReport["@type"], "ReportageNewsArticle");
  assert.equal(newsArticle(site, makeRelease(2, "2023-12-10T11:00:00+03:30", { type: "video-report" }))["@type"], "ReportageNewsArticle");
  assert.equal(newsArticle(site, makeRelease(3, "2023-12-10T11:00:00+03:30", { type: "notice" }))["@type"], "NewsArticle");
  assert.equal(newsArticle(site, makeRelease(4, "2023-12-10T11:00:00+03:30", { type: "interview" }))["@type"], "NewsArticle");
  assert.equal(photoReport.dateModified, "2023-12-10T11:00:00+03:30");

  const corrected = makeRelease(5, "2023-12-10T11:00:00+03:30", { updated: DateTime.fromISO("2023-12-11T08:00:00Z", { setZone: true }), correction: "اصلاح شد." });
  const article = newsArticle(site, corrected);
  assert.deepEqual([article.datePublished, article.dateModified], ["2023-12-10T11:00:00+03:30", "2023-12-11T11:30:00+03:30"]);
  const $ = cheerio.load(`<head>${releaseSharingTags(site, corrected).value}</head>`);
  assert.equal($('meta[property="article:published_time"]').attr("content"), "2023-12-10T11:00:00+03:30");
  assert.equal($('meta[property="article:modified_time"]').attr("content"), "2023-12-11T11:30:00+03:30");
});
