/**
 * Unit tests for the dev server's error page: layouts/build-errors.ts (the page), and
 * src/pages/build-errors.ts (from the error a build stopped with to the page).
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as cheerio from "cheerio";
import { renderBuildErrors } from "../../../layouts/build-errors.js";
import { buildErrorsPage, contentErrorOf } from "../../../src/pages/build-errors.js";
import { ContentError, type ContentProblem } from "../../../src/content/release.js";
import { BUILD_ERRORS_HEADING, BUILD_ERRORS_REFRESH, BUILD_FAILED_ELSEWHERE } from "../../../src/messages/dev-server.js";

const idProblem: ContentProblem = {
  file: "content/releases/1403/149641.md",
  line: 2,
  field: "id",
  message: { fa: "شناسه باید فقط با رقم نوشته شود، مانند id: 149840", en: "id must be written with digits only, such as id: 149840" },
};
const fileProblem: ContentProblem = {
  file: "content/releases/notes.js",
  line: 0,
  field: "file",
  message: { fa: "این فایل در پوشهٔ content جایی ندارد", en: "the content folder may not hold this file" },
};

describe("the error page", () => {
  test("a Persian page is right to left, with a viewport for phones, the heading and a line saying it refreshes itself", () => {
    const $ = cheerio.load(renderBuildErrors({ language: "fa", problems: [idProblem] }));
    assert.equal($("html").attr("lang"), "fa");
    assert.equal($("html").attr("dir"), "rtl");
    assert.match($('meta[name="viewport"]').attr("content") ?? "", /width=device-width/);
    assert.equal($("h1").text(), "خطا در فایل‌ها: سایت به‌روز نشد");
    assert.equal($("title").text(), BUILD_ERRORS_HEADING.fa);
    assert.equal($(".refresh").text(), BUILD_ERRORS_REFRESH.fa);
    // Nothing for the browser to ask the dev server for but its own live-reload script.
    assert.equal($("script, link[rel=stylesheet]").length, 0);
  });

  test("each problem is listed with its file, its line in Persian digits, its field in the editor's words and its message", () => {
    const $ = cheerio.load(renderBuildErrors({ language: "fa", problems: [idProblem, fileProblem] }));
    const items = $("ol.problems > li");
    assert.equal(items.length, 2);
    const first = items.eq(0);
    assert.equal(first.find("code").text(), "content/releases/1403/149641.md");
    assert.equal(first.find("code").attr("dir"), "ltr");
    assert.equal(first.find(".line").text(), "خط ۲");
    assert.equal(first.find(".label").text(), "شناسه (id)");
    assert.equal(first.find(".message").text(), idProblem.message.fa);
    assert.match($(".lead").text(), /۲ خطا/);
    // A problem of the file itself has no line.
    assert.equal(items.eq(1).find(".line").length, 0);
    assert.equal(items.eq(1).find(".label").text(), "فایل");
  });

  test("under AKHBAR_LANG=en the page is English and left to right", () => {
    const $ = cheerio.load(renderBuildErrors({ language: "en", problems: [idProblem] }));
    assert.equal($("html").attr("lang"), "en");
    assert.equal($("html").attr("dir"), "ltr");
    assert.equal($("h1").text(), "Errors in the files: the site was not updated");
    assert.equal($(".line").text(), "line 2");
    assert.equal($(".label").text(), "id");
    assert.equal($(".message").text(), idProblem.message.en);
    assert.match($(".lead").text(), /1 problem\b/);
  });

  test("a file name, field and message with markup are escaped, never markup of the page", () => {
    const hostile: ContentProblem = {
      file: 'content/releases/<script>alert("file")</script>.md',
      line: 3,
      field: "<img src=x onerror=alert(1)>",
      message: { fa: "<script>alert('fa')</script>", en: "<b>en</b>" },
    };
    const page = renderBuildErrors({ language: "fa", problems: [hostile] });
    assert.ok(!page.includes("<script>"), "no script element");
    assert.ok(!page.includes("<img"), "no image element");
    assert.ok(page.includes("content/releases/&lt;script&gt;alert(&quot;file&quot;)&lt;/script&gt;.md"), "the file name is escaped");
    const $ = cheerio.load(page);
    assert.equal($("script, img").length, 0);
    assert.equal($("code").text(), hostile.file, "the escaped name reads as the file's name");
    assert.equal($(".message").text(), hostile.message.fa);
  });

  test("what a message quotes between backticks is code, left to right, and escaped; a stray backtick is left as it is", () => {
    const quoting: ContentProblem = { ...idProblem, message: { fa: "شناسه را فقط با رقم بنویسید، مثلاً `id: 149840`، نه `<abc>`", en: "a stray ` backtick" } };
    const $ = cheerio.load(renderBuildErrors({ language: "fa", problems: [quoting] }));
    const codes = $(".message code");
    assert.deepEqual(codes.map((_, code) => $(code).text()).get(), ["id: 149840", "<abc>"]);
    assert.deepEqual(codes.map((_, code) => $(code).attr("dir")).get(), ["ltr", "ltr"]);
    assert.equal($(".message").text(), "شناسه را فقط با رقم بنویسید، مثلاً id: 149840، نه <abc>");
    const english = cheerio.load(renderBuildErrors({ language: "en", problems: [quoting] }));
    assert.equal(english(".message code").length, 0);
    assert.equal(english(".message").text(), "a stray ` backtick");
  });

  test("a build that failed for another reason shows its short text, escaped", () => {
    const $ = cheerio.load(renderBuildErrors({ language: "fa", problems: [], failure: "EACCES: <permission> denied" }));
    assert.equal($("h1").text(), BUILD_ERRORS_HEADING.fa);
    assert.equal($(".lead").text(), BUILD_FAILED_ELSEWHERE.fa);
    assert.equal($("pre").text(), "EACCES: <permission> denied");
    assert.equal($("ol").length, 0);
  });
});

describe("the page for a build's error", () => {
  test("a ContentError, or an error wrapping one as Eleventy or `cause` does, gives the list of its problems", () => {
    const content = new ContentError([idProblem]);
    const byEleventy = Object.assign(new Error("Problem writing Eleventy templates"), { originalError: content });
    const byCause = new Error("the build failed", { cause: byEleventy });
    for (const error of [content, byEleventy, byCause]) {
      assert.equal(contentErrorOf(error), content);
      const $ = cheerio.load(buildErrorsPage(error, "fa"));
      assert.equal($("ol.problems > li code").text(), idProblem.file);
    }
  });

  test("any other error gives its message", () => {
    assert.equal(contentErrorOf(new Error("boom")), undefined);
    const $ = cheerio.load(buildErrorsPage(new TypeError("state.archive is not a function"), "en"));
    assert.equal($("pre").text(), "state.archive is not a function");
    assert.equal($(".lead").text(), BUILD_FAILED_ELSEWHERE.en);
  });
});
