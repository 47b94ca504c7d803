/**
 * Shared by the shipping gates (tests/build/ship-output.test.ts, tests/browser/browser-gates.test.ts): the
 * content they build (the sample archive and the hostile releases of tests/fixtures/hostile),
 * the settings of their builds, and the page variants of a built site.
 */
import { cp, mkdir, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { HtmlValidate, type ConfigData } from "html-validate";
import yaml from "js-yaml";
import { isReaderPage, listFiles, loadPage, type Page } from "./html.js";
import { repoRoot } from "./run.js";

export const HOSTILE_DIR = path.join(repoRoot, "tests", "fixtures", "hostile");
/** A word only hostile release 910001's title and 910002's text have: a search for it shows both. */
export const HOSTILE_WORD = "زنهار";
/** The site is served under this folder of its host: every gate runs over a prefixed site. */
export const PREFIX = "/archive/";
export const SITE = "https://akhbar.test";
export const SITE_URL = `${SITE}${PREFIX.slice(0, -1)}`;
/** Builds of one commit are compared with "now" fixed (the news sitemap reads it). */
export const BUILD_ENV = { SITE_URL: `${SITE_URL}/`, SOURCE_DATE_EPOCH: String(Date.parse("2024-06-20T12:00:00+03:30") / 1000) };

export interface HostileRelease {
  id: number;
  title: string;
  lang: "fa" | "en";
  /** Root-relative address, without the prefix. */
  url: string;
}

/** Names of content/files/ attachments that hostile release 910007 links to: markup, quotes and a script address. */
export const HOSTILE_ATTACHMENT_NAMES = [`"><img src=x onerror=window.__pwned=1>.pdf`, `javascript:window.__pwned='name'.pdf`];

/** Copies the sample archive and the hostile releases into `<work>/content`; returns that folder. */
export async function prepareContent(work: string): Promise<string> {
  const content = path.join(work, "content");
  await cp(path.join(repoRoot, "content"), content, { recursive: true });
  const target = path.join(content, "releases", "hostile");
  await mkdir(target, { recursive: true });
  for (const file of await hostileFiles()) await cp(path.join(HOSTILE_DIR, file), path.join(target, file));
  // A photograph (910004 shows it), so that builds convert pictures: /img/ is then checked
  // for caching, reproducibility (AVIF, WebP and JPEG made twice) and links like the rest.
  await cp(path.join(repoRoot, "tests", "fixtures", "images", "photo.jpg"), path.join(content, "images", "fixture-photo.jpg"));
  // Attachments with hostile names (910007 links them): not committed, since Windows cannot hold such a name.
  for (const name of HOSTILE_ATTACHMENT_NAMES) await cp(path.join(repoRoot, "content", "files", "1403", "varamin-wheat-purchase-guideline.pdf"), path.join(content, "files", name));
  return content;
}

async function hostileFiles(): Promise<string[]> {
  return (await readdir(HOSTILE_DIR)).filter((file) => /^\d+\.md$/.test(file)).sort();
}

/** The hostile releases as their files say, read without the build's own loader. */
export async function hostileReleases(): Promise<HostileRelease[]> {
  const releases: HostileRelease[] = [];
  for (const file of await hostileFiles()) {
    const { data } = matter(await readFile(path.join(HOSTILE_DIR, file), "utf8"), {
      engines: { yaml: (text: string) => yaml.load(text, { schema: yaml.CORE_SCHEMA }) as object },
    });
    const lang = data.lang === "en" ? "en" : "fa";
    const id = Number(data.id);
    releases.push({ id, title: String(data.title), lang, url: lang === "en" ? `/en/news/${id}/` : `/news/${id}/` });
  }
  return releases;
}

/** The page a site file is served as, without the prefix: `news/1/index.html` → `/news/1/`. */
export const urlOfFile = (file: string) => `/${file}`.replace(/index\.html$/, "");

/** Redirect pages (old addresses): a meta refresh and nothing else to read. */
export const isRedirectPage = ($: Page) => $('meta[http-equiv="refresh"]').length > 0;

/**
 * The page variants of a built site: pages grouped by their structure (language and the
 * set of element-and-class names in the body), one page of each group. Pages of one
 * template fall into a few groups (with or without a picture, pagination, breadcrumbs), so
 * a gate that checks one page per group checks every kind of page the site has, whatever
 * templates later changes add, without checking thousands of alike pages.
 */
export async function pageVariants(siteDir: string): Promise<Array<{ file: string; count: number }>> {
  const groups = new Map<string, { file: string; count: number }>();
  for (const file of (await listFiles(siteDir)).filter((name) => name.endsWith(".html") && isReaderPage(name))) {
    const $ = await loadPage(siteDir, file);
    const names = new Set<string>();
    $("body *").each((_, element) => {
      if ("tagName" in element) names.add(`${element.tagName}.${($(element).attr("class") ?? "").split(/\s+/).sort().join(".")}`);
    });
    const key = `${$("html").attr("lang")}|${[...names].sort().join(" ")}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { file, count: 1 });
  }
  return [...groups.values()];
}

/** html-validate with the project's settings (.htmlvalidate.mjs, where the choices are explained). */
export async function htmlValidator(): Promise<HtmlValidate> {
  const { default: config } = (await import(path.join(repoRoot, ".htmlvalidate.mjs"))) as { default: ConfigData };
  return new HtmlValidate(config);
}

/** Every problem html-validate finds in these pages of a built site, as `file:line:column rule: message`. */
export async function validatePages(siteDir: string, files: readonly string[]): Promise<string[]> {
  const validator = await htmlValidator();
  const problems: string[] = [];
  for (const file of files) {
    const report = await validator.validateString(await readFile(path.join(siteDir, file), "utf8"), file);
    for (const result of report.results) {
      for (const message of result.messages) problems.push(`${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
    }
  }
  return problems;
}
