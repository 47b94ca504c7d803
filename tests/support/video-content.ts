/**
 * Shared by the video tests (tests/build/video-output.test.ts, tests/browser/video.test.ts): a small
 * content folder, two sample releases and their pictures plus a release with a YouTube line, an
 * Aparat `[title](address)` line and a video file of the site (content/files/visit.mp4).
 */
import { cp, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { repoRoot } from "./run.js";

export const VIDEO_RELEASE = { id: 900100, url: "/news/900100/", title: "نشست خبری با ویدیو" };
export const YOUTUBE_ID = "M7lc1UVf-VE";
export const APARAT_HASH = "iNgzs";
export const YOUTUBE_PLAYER = `https://www.youtube-nocookie.com/embed/${YOUTUBE_ID}?autoplay=1`;
export const APARAT_PLAYER = `https://www.aparat.com/video/video/embed/videohash/${APARAT_HASH}/vt/frame?autoplay=true`;
export const YOUTUBE_PAGE = `https://www.youtube.com/watch?v=${YOUTUBE_ID}`;
export const APARAT_PAGE = `https://www.aparat.com/v/${APARAT_HASH}`;

/** The first bytes of an MP4 file (its `ftyp` box): enough to be one for the build's check of attachments. */
const MP4_HEAD = Buffer.from("00000018667479706973736f6d0000020069736f6d69736f32", "hex");

const VIDEO_RELEASE_FILE = `---
id: ${VIDEO_RELEASE.id}
title: ${VIDEO_RELEASE.title}
date: "2024-06-16T10:00:00+03:30"
lead: روابط‌عمومی فرمانداری گزارش ویدیویی نشست را منتشر کرد.
county: ری
tags:
  - نشست
---

گزارش ویدیویی نشست خبری امروز:

https://www.youtube.com/watch?v=${YOUTUBE_ID}&feature=share

[گفت‌وگو با فرماندار](https://www.aparat.com/v/${APARAT_HASH})

[بازدید از طرح](/files/visit.mp4)

پایان گزارش.
`;

/** Writes the content folder into `<work>/content` and returns it. */
export async function videoContent(work: string): Promise<string> {
  const content = path.join(work, "content");
  for (const file of ["releases/1402/140210.md", "releases/1402/149840.md"]) {
    await mkdir(path.dirname(path.join(content, file)), { recursive: true });
    await cp(path.join(repoRoot, "content", file), path.join(content, file));
  }
  await cp(path.join(repoRoot, "content", "images"), path.join(content, "images"), { recursive: true });
  await cp(path.join(repoRoot, "content", "site.yml"), path.join(content, "site.yml"));
  await mkdir(path.join(content, "releases", "1403"), { recursive: true });
  await writeFile(path.join(content, "releases", "1403", `${VIDEO_RELEASE.id}.md`), VIDEO_RELEASE_FILE);
  await mkdir(path.join(content, "files"), { recursive: true });
  await writeFile(path.join(content, "files", "visit.mp4"), MP4_HEAD);
  return content;
}
