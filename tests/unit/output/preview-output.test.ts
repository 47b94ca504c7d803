/** Unit tests for src/output/preview-output.ts: the dev server's output, recorded between rebuilds. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { PreviewOutput } from "../../../src/output/preview-output.js";
import { exists } from "../../support/html.js";
import { temporaryDirectory } from "../../support/run.js";

async function write(root: string, file: string): Promise<void> {
  const target = path.join(root, ...file.split("/").filter(Boolean));
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, file);
}

test("a rebuild knows what the last one wrote, and removes what it no longer makes", async () => {
  const output = await temporaryDirectory("akhbar-preview-");
  try {
    const preview = new PreviewOutput(output);
    preview.begin();
    const first = preview.ledger!;
    assert.equal(first.record("/news/1/index.html", "a"), false, "the first rebuild has nothing written yet");
    first.record("/news/2/index.html", "b");
    first.record("/pagefind/1403-01/", "s");
    await write(output, "/news/1/index.html");
    await write(output, "/news/2/index.html");
    await write(output, "/pagefind/1403-01/pagefind.js");
    assert.equal(await preview.finish(), 0);
    assert.equal(preview.ledger, undefined, "the ledger is closed after the rebuild");

    preview.begin();
    const second = preview.ledger!;
    assert.equal(second.record("/news/1/index.html", "a"), true, "unchanged: not written again");
    assert.equal(second.record("/news/2/index.html", "c"), false, "changed: written again");
    assert.equal(await preview.finish(), 1, "the shard no longer made is removed");
    assert.equal(await exists(path.join(output, "pagefind", "1403-01")), false);
    assert.equal(await exists(path.join(output, "news", "1", "index.html")), true);
  } finally {
    await rm(output, { recursive: true, force: true });
  }
});

test("after a failed rebuild the next one trusts nothing it did not write itself", async () => {
  const output = await temporaryDirectory("akhbar-preview-");
  try {
    const preview = new PreviewOutput(output);
    preview.begin();
    preview.ledger!.record("/news/1/index.html", "a");
    await preview.finish();
    preview.begin();
    preview.ledger!.record("/news/1/index.html", "b");
    // No finish: the rebuild failed after writing version b.
    preview.begin();
    assert.equal(preview.ledger!.record("/news/1/index.html", "a"), false, "written again, whatever the last good rebuild had");
    await preview.finish();
  } finally {
    await rm(output, { recursive: true, force: true });
  }
});

test("a partial rebuild (saved releases edited in place) keeps every file it does not make, and only over an intact output", async () => {
  const output = await temporaryDirectory("akhbar-preview-");
  try {
    const preview = new PreviewOutput(output);
    assert.equal(preview.intact, false, "nothing written yet");
    assert.throws(() => preview.begin(true), /not known/);
    preview.begin();
    const first = preview.ledger!;
    first.record("/news/1/index.html", "a");
    first.record("/news/2/index.html", "b");
    await write(output, "/news/1/index.html");
    await write(output, "/news/2/index.html");
    await preview.finish();
    assert.equal(preview.intact, true);

    preview.begin(true);
    const partial = preview.ledger!;
    assert.equal(partial.record("/news/2/index.html", "c"), false, "the page that shows the edit is written");
    assert.equal(await preview.finish(), 0, "the page it did not make is kept");
    assert.equal(await exists(path.join(output, "news", "1", "index.html")), true);
    preview.begin();
    assert.equal(preview.ledger!.record("/news/1/index.html", "a"), true, "kept at the version it had");
    assert.equal(preview.ledger!.record("/news/2/index.html", "c"), true, "at the version the partial rebuild made");
    await preview.finish();

    // A failed rebuild, or an output made unknown, allows no partial rebuild after it.
    preview.begin();
    assert.equal(preview.intact, false, "a rebuild under way, or one that failed");
    preview.begin();
    await preview.finish();
    preview.forget();
    assert.equal(preview.intact, false, "forgotten");
  } finally {
    await rm(output, { recursive: true, force: true });
  }
});
