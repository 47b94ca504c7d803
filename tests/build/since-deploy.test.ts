/**
 * `npm run build -- --since-deploy <target>` then `npm run deploy -- --to <target>`, as the CI
 * examples run them (docs/ci-examples/github-deploy.yml): CI keeps no site between runs, only the
 * cache folders the next build reads (src/output/cache-dir.ts CI_KEPT_CACHE_FOLDERS). The build
 * writes only what differs from what the target was last given, the deploy sends it, and the
 * target ends up holding exactly the site a clean build makes.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { exists, hashTree, listFiles } from "../support/html.js";
import { repoRoot, runNode, temporaryDirectory } from "../support/run.js";
import { CI_KEPT_CACHE_FOLDERS } from "../../src/output/cache-dir.js";
import { SEAL_FILE } from "../../src/output/publish.js";

const EDITED = "releases/1402/140210.md";
const A_RELEASE_PAGE = "news/149840/index.html";

// nginx, as an office's own server is deployed to; portable, whose `_headers` must name the files
// the target keeps from earlier deploys, which this build does not write.
for (const host of ["nginx", "portable"]) describe(`a CI run that keeps no site builds only what changed since the last deploy (AKHBAR_HOST=${host})`, () => {
  let root: string;
  let content: string;
  const output = () => path.join(root, "_site");
  const target = () => path.join(root, "www");
  const cache = () => path.join(root, "cache");
  const env = () => ({ AKHBAR_CACHE_DIR: cache(), AKHBAR_HOST: host, SOURCE_DATE_EPOCH: "1735000000", AKHBAR_NOW: "2025-01-01T00:00:00+03:30" });
  const build = (args: string[] = [], extra: Record<string, string> = {}) => runNode(["scripts/build.ts", "--input", content, "--output", output(), ...args], { ...env(), ...extra });
  const deploy = () => runNode(["scripts/deploy.ts", "--site", output(), "--to", target()], env());
  /** What a CI runner has at the start of a run: a checkout and the kept cache folders, nothing else. */
  const startLikeCi = async () => {
    await rm(output(), { recursive: true, force: true });
    for (const name of await readdir(cache())) if (!(CI_KEPT_CACHE_FOLDERS as readonly string[]).includes(name)) await rm(path.join(cache(), name), { recursive: true, force: true });
  };

  before(async () => {
    root = await temporaryDirectory("akhbar-since-deploy-");
    content = path.join(root, "content");
    await cp(path.join(repoRoot, "content"), content, { recursive: true });
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  test("with no record of the target, the whole site is built, and the first deploy gives it all", async () => {
    const built = await build(["--since-deploy", target()]);
    assert.equal(built.code, 0, built.log);
    assert.match(built.log, /کل سایت نوشته شد/);
    const deployed = await deploy();
    assert.equal(deployed.code, 0, deployed.log);
    assert.ok(await exists(path.join(target(), A_RELEASE_PAGE)));
  });

  test("after one release is edited, a run with only the kept cache writes the edited page and not the unchanged ones", async () => {
    await startLikeCi();
    const file = path.join(content, ...EDITED.split("/"));
    await writeFile(file, (await readFile(file, "utf8")).replace(/\n---\n/, "\n---\n\nبندی تازه که ویراستار افزود.\n\n"));
    const built = await build(["--since-deploy", target()]);
    assert.equal(built.code, 0, built.log);
    assert.match(built.log, /برای بارگذاری نوشته شد/);
    const written = await listFiles(output());
    const pages = (files: readonly string[]) => files.filter((file) => /^news\/\d+\/index\.html$/.test(file));
    assert.ok(written.includes("news/140210/index.html"), "the edited release's page");
    // Pages that show the edited release (its neighbours, the releases it is related to) are written
    // again with it; the others are not.
    const everything = await listFiles(target());
    assert.ok(pages(written).length < pages(everything).length, `release pages written: ${pages(written).join(" ")}`);
    assert.ok(written.length < everything.length / 2, `${written.length} files written of ${everything.length}`);
  });

  test("the deploy that follows leaves the target holding exactly what a clean build of the same content makes", async () => {
    const deployed = await deploy();
    assert.equal(deployed.code, 0, deployed.log);
    const reference = path.join(root, "reference");
    const clean = await runNode(["scripts/build.ts", "--input", content, "--output", reference], { ...env(), AKHBAR_CACHE_DIR: path.join(root, "reference-cache") });
    assert.equal(clean.code, 0, clean.log);
    const expected = await hashTree(reference);
    expected.delete(SEAL_FILE);
    const onTarget = await hashTree(target());
    for (const [file, hash] of expected) assert.equal(onTarget.get(file), hash, file);
    // Beyond them, only fingerprinted files the earlier pages name, kept for their readers.
    const extra = [...onTarget.keys()].filter((file) => !expected.has(file));
    assert.deepEqual(
      extra.filter((file) => !/^(assets|img|pagefind)\//.test(file)),
      [],
    );
  });

  test("a plain build over that output does not take it for a published site: it builds the whole site", async () => {
    const built = await build();
    assert.equal(built.code, 0, built.log);
    assert.match(built.log, /کل سایت نوشته شد/);
    assert.ok(await exists(path.join(output(), A_RELEASE_PAGE)));
  });
});
