/**
 * The CI examples of docs/ci-examples/ keep between runs exactly what the next build reads
 * (src/output/cache-dir.ts CI_KEPT_CACHE_FOLDERS): never the rendered pages or the search
 * bundles, and, where the site is deployed with `npm run deploy`, never the site itself.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { CI_KEPT_CACHE_FOLDERS } from "../../../src/output/cache-dir.js";

const examples = path.resolve(import.meta.dirname, "../../../docs/ci-examples");
const read = (name: string) => yaml.load(readFileSync(path.join(examples, name), "utf8")) as Record<string, unknown>;
const kept = (paths: readonly string[]) => paths.map((entry) => entry.trim().replace(/\/$/, "")).filter(Boolean).sort();
const cacheFolders = (names: readonly string[]) => names.map((name) => `.cache/${name}`);

interface GithubStep {
  uses?: string;
  run?: string;
  with?: { path?: string };
}

function githubSteps(name: string): GithubStep[] {
  const jobs = read(name).jobs as Record<string, { steps: GithubStep[] }>;
  return Object.values(jobs).flatMap((job) => job.steps);
}

function githubCachePaths(name: string): string[][] {
  return githubSteps(name)
    .filter((step) => step.uses?.startsWith("actions/cache"))
    .map((step) => kept((step.with?.path ?? "").split("\n")));
}

test("the GitHub deploy example restores and saves only the cache folders the next build reads", () => {
  const paths = githubCachePaths("github-deploy.yml");
  assert.equal(paths.length, 2, "a restore and a save");
  for (const list of paths) assert.deepEqual(list, cacheFolders(CI_KEPT_CACHE_FOLDERS).sort());
});

test("the GitHub deploy example builds since the last deploy, then deploys, and saves only a changed state", () => {
  const steps = githubSteps("github-deploy.yml");
  const runs = steps.map((step) => step.run ?? "");
  const build = runs.findIndex((run) => run.includes("npm run build -- --since-deploy"));
  const deploy = runs.findIndex((run) => run.includes("npm run deploy -- --to"));
  assert.ok(build >= 0 && deploy > build, "the build, then the deploy");
  const save = steps.find((step) => step.uses?.startsWith("actions/cache/save")) as GithubStep & { if?: string };
  assert.match(save.if ?? "", /cache-matched-key/);
});

test("the GitLab deploy example keeps only the cache folders the next build reads", () => {
  const job = read("gitlab-deploy.yml").deploy as { cache: { paths: string[] }; script: string[] };
  assert.deepEqual(kept(job.cache.paths), cacheFolders(CI_KEPT_CACHE_FOLDERS).sort());
  assert.ok(job.script.some((line) => line.includes("--since-deploy")));
  assert.ok(job.script.some((line) => line.includes("npm run deploy")));
});

test("the Pages examples keep the site they publish whole and the cache folders, but no deploy record", () => {
  const withoutRecord = CI_KEPT_CACHE_FOLDERS.filter((name) => name !== "akhbar-deploy");
  for (const list of githubCachePaths("github-pages.yml")) assert.deepEqual(list, ["_site", ...cacheFolders(withoutRecord)].sort());
  const pages = read("gitlab-pages.yml").pages as { cache: { paths: string[] } };
  assert.deepEqual(kept(pages.cache.paths), ["public", ...cacheFolders(withoutRecord)].sort());
});
