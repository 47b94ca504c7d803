/**
 * Unit tests for src/eleventy/dev-server-errors.ts: which requests are pages, and the dev server's
 * middleware and reloads around a failed build (tests/browser/dev-server-errors.test.ts runs it in `npm start`).
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { UserConfig } from "@11ty/eleventy";
import { asksForPage, DevServerErrors } from "../../../src/eleventy/dev-server-errors.js";
import { ContentError } from "../../../src/content/release.js";

describe("a request for a page", () => {
  const rows: Array<{ name: string; method: string; url: string; accept?: string; page: boolean }> = [
    { name: "a browser's navigation to a release", method: "GET", url: "/news/149840/", accept: "text/html,application/xhtml+xml,*/*;q=0.8", page: true },
    { name: "a navigation to an address without a slash", method: "GET", url: "/search", accept: "text/html", page: true },
    { name: "a page's address without Accept (curl)", method: "GET", url: "/archive/1403/", page: true },
    { name: "an .html file", method: "GET", url: "/404.html?x=1", page: true },
    { name: "HEAD of a page", method: "HEAD", url: "/", page: true },
    { name: "the stylesheet", method: "GET", url: "/assets/site.rtl.a1b2c3.css", accept: "text/css,*/*;q=0.1", page: false },
    { name: "a picture", method: "GET", url: "/images/photo.webp", accept: "image/avif,image/webp,*/*", page: false },
    { name: "the search index, fetched by a script", method: "GET", url: "/pagefind/pagefind-entry.json", accept: "*/*", page: false },
    { name: "a POST to a page's address", method: "POST", url: "/news/149840/", accept: "text/html", page: false },
  ];
  for (const row of rows) {
    test(`${row.name}: ${row.page ? "a page" : "not a page"}`, () => {
      assert.equal(asksForPage({ method: row.method, url: row.url, headers: row.accept === undefined ? {} : { accept: row.accept } }), row.page);
    });
  }
});

/** A response that records what the middleware did with it. */
function fakeResponse() {
  const headers = new Map<string, string>();
  const sent = { status: 0, body: undefined as string | undefined, headers };
  const response = {
    set statusCode(status: number) {
      sent.status = status;
    },
    setHeader(name: string, value: string) {
      headers.set(name.toLowerCase(), value);
    },
    end(body: string) {
      sent.body = body;
    },
  } as unknown as ServerResponse;
  return { response, sent };
}

/** The middleware's answer to `url` asked for as a browser navigation: "next" when it passed the request on. */
function ask(errors: DevServerErrors, url: string, accept = "text/html") {
  const { response, sent } = fakeResponse();
  let passed = false;
  errors.middleware({ method: "GET", url, headers: { accept } } as IncomingMessage, response, () => (passed = true));
  return passed ? "next" : sent;
}

/** A DevServerErrors registered with a configuration that keeps its server options, and a dev server that counts reloads. */
function registered() {
  let options: Record<string, unknown> = {};
  const config = { setServerOptions: (given: Record<string, unknown>) => (options = given) } as unknown as UserConfig;
  const errors = new DevServerErrors();
  errors.register(config);
  const server = { reloads: 0, reload: () => server.reloads++ };
  (options.ready as (server: unknown) => void)(server);
  return { errors, options, server };
}

const problem = { file: "content/releases/1403/149641.md", line: 2, field: "id", message: { fa: "شناسه باید فقط رقم باشد", en: "id must be digits" } };

describe("the dev server around a failed build", () => {
  test("the middleware is given to the dev server, which hands its instance back when ready", () => {
    const { options, errors } = registered();
    assert.deepEqual(options.middleware, [errors.middleware]);
  });

  test("while no build has failed, every request is served as the dev server serves it", () => {
    const { errors } = registered();
    assert.equal(ask(errors, "/news/149840/"), "next");
  });

  test("after a failed build, every page is the error page, not cached, and the open pages reload once", async () => {
    const { errors, server } = registered();
    errors.buildStarted();
    await assert.rejects(errors.track(() => Promise.reject(new ContentError([problem]))), ContentError);
    // A second failure in the same build (another page) is not a second reload.
    await assert.rejects(errors.track(() => Promise.reject(new Error("a page failed too"))));
    assert.equal(server.reloads, 1);
    assert.ok(errors.failed);

    for (const url of ["/news/149840/", "/", "/archive/1403/"]) {
      const answer = ask(errors, url);
      assert.notEqual(answer, "next", url);
      if (answer === "next") continue;
      assert.equal(answer.status, 200);
      assert.equal(answer.headers.get("content-type"), "text/html; charset=utf-8");
      assert.equal(answer.headers.get("cache-control"), "no-store");
      assert.ok(answer.body?.includes('dir="rtl"'));
      assert.ok(answer.body?.includes(problem.file), "the first error of the build is shown");
    }
    // What the error page or a page's scripts load is served as always.
    assert.equal(ask(errors, "/assets/site.css", "text/css"), "next");
  });

  test("a later build that fails again reloads again; a good build serves the site again", async () => {
    const { errors, server } = registered();
    errors.buildStarted();
    await assert.rejects(errors.track(() => Promise.reject(new ContentError([problem]))));
    errors.buildStarted();
    await assert.rejects(errors.track(() => Promise.reject(new ContentError([{ ...problem, line: 5 }]))));
    assert.equal(server.reloads, 2);
    const answer = ask(errors, "/");
    assert.ok(answer !== "next" && answer.body?.includes("خط ۵"), "the page shows the latest build's problems");

    errors.buildStarted();
    assert.equal(await errors.track(() => "the steps ran"), "the steps ran");
    errors.buildSucceeded();
    assert.ok(!errors.failed);
    assert.equal(ask(errors, "/"), "next");
  });

  test("a failure before the dev server is ready (the first build) is shown once it is", async () => {
    const errors = new DevServerErrors();
    errors.buildStarted();
    await assert.rejects(errors.track(() => Promise.reject(new ContentError([problem]))));
    const answer = ask(errors, "/");
    assert.ok(answer !== "next" && answer.body?.includes(problem.file));
  });
});
