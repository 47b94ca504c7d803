/** Unit tests for src/build/content-watcher.ts: the dev server's watcher of the content folder. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { watchContentFolder, type ContentEvent } from "../../../src/build/content-watcher.js";
import { temporaryDirectory } from "../../support/run.js";

/** A watched content folder with two releases, and what the watcher reported, in order. */
async function watched(): Promise<{ root: string; events: string[]; settled: () => Promise<void>; close: () => Promise<void> }> {
  const root = await temporaryDirectory("akhbar-watch-");
  await mkdir(path.join(root, "releases", "1403"), { recursive: true });
  await mkdir(path.join(root, ".git"), { recursive: true });
  await writeFile(path.join(root, "releases", "1403", "1.md"), "one");
  await writeFile(path.join(root, "releases", "1403", "2.md"), "two");
  const events: string[] = [];
  const watcher = watchContentFolder(root, (event: ContentEvent, file) => events.push(`${event} ${path.relative(root, file).split(path.sep).join("/")}`), 30);
  await watcher.ready;
  return {
    root,
    events,
    // Past the settling time, with room for the kernel's events to arrive.
    settled: () => new Promise((resolve) => setTimeout(resolve, 400)),
    close: async () => {
      watcher.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

const cases: Array<{ name: string; act: (root: string) => Promise<void>; expected: string[] }> = [
  {
    name: "a release saved in place (written twice in a row: one report)",
    act: async (root) => {
      await writeFile(path.join(root, "releases", "1403", "1.md"), "one, edited");
      await writeFile(path.join(root, "releases", "1403", "1.md"), "one, edited again");
    },
    expected: ["change releases/1403/1.md"],
  },
  {
    name: "a release saved as editors' programs do: a temporary file renamed onto it",
    act: async (root) => {
      await writeFile(path.join(root, "releases", "1403", "tmp-save"), "two, edited");
      await rename(path.join(root, "releases", "1403", "tmp-save"), path.join(root, "releases", "1403", "2.md"));
    },
    expected: ["change releases/1403/2.md"],
  },
  {
    name: "a new release",
    act: (root) => writeFile(path.join(root, "releases", "1403", "3.md"), "three"),
    expected: ["add releases/1403/3.md"],
  },
  {
    name: "a release deleted",
    act: (root) => rm(path.join(root, "releases", "1403", "2.md")),
    expected: ["unlink releases/1403/2.md"],
  },
  {
    name: "a new year's folder with a release in it, and a release saved in it later",
    act: async (root) => {
      await mkdir(path.join(root, "releases", "1404"));
      await writeFile(path.join(root, "releases", "1404", "10.md"), "ten");
      await new Promise((resolve) => setTimeout(resolve, 300));
      await writeFile(path.join(root, "releases", "1404", "10.md"), "ten, edited");
    },
    expected: ["add releases/1404/10.md", "change releases/1404/10.md"],
  },
  {
    name: "a folder removed: its releases deleted",
    act: (root) => rm(path.join(root, "releases", "1403"), { recursive: true }),
    expected: ["unlink releases/1403/1.md", "unlink releases/1403/2.md"],
  },
  {
    name: "hidden files and folders (a swap file, git's) are not reported",
    act: async (root) => {
      await writeFile(path.join(root, "releases", "1403", ".1.md.swp"), "swap");
      await writeFile(path.join(root, ".git", "index"), "git");
    },
    expected: [],
  },
];

for (const { name, act, expected } of cases) {
  test(`content watcher: ${name}`, async () => {
    const folder = await watched();
    try {
      await act(folder.root);
      await folder.settled();
      assert.deepEqual([...folder.events].sort(), [...expected].sort());
    } finally {
      await folder.close();
    }
  });
}

test("content watcher: nothing is reported after it is closed", async () => {
  const folder = await watched();
  await writeFile(path.join(folder.root, "releases", "1403", "1.md"), "one, edited");
  await folder.close(); // within the settling time of the save
  await folder.settled();
  assert.deepEqual(folder.events, []);
});
