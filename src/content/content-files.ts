/**
 * What the content folder may hold, and where an address written in a release leads in it.
 * The content folder is editors' data, committed by many hands and built on a machine that holds
 * a deploy token: nothing in it is ever run, and nothing outside it is ever published from it.
 *
 * - Release files: `.md`, anywhere outside `images/` and `pages/` (by convention under `releases/<year>/`).
 * - The site's pages besides releases: `.md` files directly in `pages/` (src/content/content-page.ts),
 *   and its settings, `site.yml` at the top (src/content/site.ts).
 * - Under `images/` (and its sub-folders): pictures (PICTURE_EXTENSIONS) and attachments
 *   (ATTACHMENT_EXTENSIONS), published only when a release uses them (src/render/images.ts).
 * - Git's own files (ALLOWED_HIDDEN_FILES, and `.git` at the top, for a content folder that is
 *   a checkout of its own), which nothing reads.
 *
 * Anything else (code, templates, HTML, a hidden file, a symbolic link, a node_modules folder)
 * is a problem naming the file, and fails the build (src/content/load.ts) and `npm run check`
 * (src/editors/lint.ts). `resolveContentAddress` is the one reading of an address such as
 * `/images/photo.jpg`, used by the build and by `check` alike, so that they agree.
 */
import { closeSync, lstatSync, openSync, readSync } from "node:fs";
import { readdir, readlink } from "node:fs/promises";
import path from "node:path";
import { inputPathKey, type ContentProblem } from "./release.js";
import { PAGE_IN_SUBFOLDER } from "../messages/site.js";
import type { Message } from "../messages/messages.js";
import {
  addressIsFolder,
  addressLeavesFiles,
  addressNotInFiles,
  attachmentNotItsType,
  attachmentUnreadable,
  fileMissing,
  hiddenFile,
  NEITHER_FILE_NOR_FOLDER,
  nodeModulesFolder,
  notAPicture,
  notPartOfArchive,
  notPublishableInFiles,
  notPublishableLink,
  reachedThroughLink,
  symbolicLink,
  whatMayBeHere,
} from "../messages/content.js";

/** The folder of pictures and attachments, and the address it is published at (`/images/…`). */
export const FILES_FOLDER = "images";
export const PICTURE_EXTENSIONS: readonly string[] = ["jpg", "jpeg", "png", "webp", "avif", "gif", "svg"];
/** Documents a release may link to; formats that carry no macros and that browsers never open as pages. */
export const ATTACHMENT_EXTENSIONS: readonly string[] = ["pdf", "docx", "xlsx"];
/** Hidden files git itself uses; allowed anywhere, never read or published. */
export const ALLOWED_HIDDEN_FILES: readonly string[] = [".gitkeep", ".gitignore", ".gitattributes"];
const RELEASE_EXTENSION = ".md";
/** The folder of the site's pages besides releases (src/content/content-page.ts): its `.md` files, not in sub-folders, are pages, not releases. */
export const PAGES_FOLDER = "pages";
/** The site's settings (src/content/site.ts), at the top of the content folder. */
export const SETTINGS_FILE = "site.yml";

export type ContentFileKind = "picture" | "attachment";

export interface ContentScan {
  /** The release files, as the build names them (src/content/release.ts `inputPathKey`), sorted. */
  releases: string[];
  /** The pictures and attachments a release may use, by address (`/images/a/photo.jpg`). */
  files: Map<string, ContentFileKind>;
  /** Everything else found: each one is an error (line 0: the file itself, not a line of it). */
  problems: ContentProblem[];
}

export interface ScanOptions {
  /**
   * Hidden files and folders are passed over instead of reported: the dev server, where editors'
   * swap and lock files come and go (they are never read or published either way).
   */
  skipHidden?: boolean;
}

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf(".");
  return dot <= 0 ? "" : name.slice(dot + 1).toLowerCase();
};
const WHAT_MAY_BE_HERE = whatMayBeHere(PICTURE_EXTENSIONS, ATTACHMENT_EXTENSIONS);

/** The kind of a file under images/ with this name, or undefined when it may not be there. */
export function contentFileKind(name: string): ContentFileKind | undefined {
  const extension = extensionOf(name);
  if (PICTURE_EXTENSIONS.includes(extension)) return "picture";
  if (ATTACHMENT_EXTENSIONS.includes(extension)) return "attachment";
  return undefined;
}

/** What is wrong with a regular file at `parts` (relative to the content folder), or undefined when it may be there. */
function fileProblem(parts: readonly string[]): Message | undefined {
  const name = parts[parts.length - 1]!;
  const extension = extensionOf(name);
  if (parts[0] === FILES_FOLDER) {
    if (contentFileKind(name)) return undefined;
    return notPublishableInFiles(extension, PICTURE_EXTENSIONS, ATTACHMENT_EXTENSIONS);
  }
  if (parts.length === 1 && name === SETTINGS_FILE) return undefined;
  if (parts[0] === PAGES_FOLDER && name.endsWith(RELEASE_EXTENSION)) return parts.length === 2 ? undefined : PAGE_IN_SUBFOLDER;
  if (name.endsWith(RELEASE_EXTENSION)) return undefined;
  return notPartOfArchive(extension, WHAT_MAY_BE_HERE);
}

/** Whether the entry `name` directly under `parts` (the folder, relative to the content folder) is one git itself keeps. */
function isGitEntry(parts: readonly string[], name: string, isFile: boolean): boolean {
  return (isFile && ALLOWED_HIDDEN_FILES.includes(name)) || (parts.length === 0 && name === ".git");
}

/**
 * Walks the content folder: its release files, the files releases may use, and a problem for
 * everything else. Symbolic links are never followed (a link is reported, whatever it points to).
 */
export async function scanContentFolder(contentDir: string, options: ScanOptions = {}): Promise<ContentScan> {
  const scan: ContentScan = { releases: [], files: new Map(), problems: [] };
  const problem = (parts: readonly string[], message: Message) => {
    scan.problems.push({ file: inputPathKey(path.join(contentDir, ...parts)), line: 0, field: "file", message });
  };

  const walk = async (parts: string[]): Promise<void> => {
    const folder = path.join(contentDir, ...parts);
    // The releases are named once per folder, not per file: path work on each of 150,000 files took seconds.
    const folderKey = parts.length === 0 || parts[0] !== FILES_FOLDER ? inputPathKey(folder) : "";
    const below: Array<Promise<void>> = [];
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const { name } = entry;
      const here = [...parts, name];
      if (name.startsWith(".")) {
        if (isGitEntry(parts, name, entry.isFile()) || options.skipHidden) continue;
        problem(here, hiddenFile(ALLOWED_HIDDEN_FILES));
      } else if (entry.isSymbolicLink()) {
        const target = await readlink(path.join(folder, name)).catch(() => "?");
        problem(here, symbolicLink(target));
      } else if (entry.isDirectory()) {
        if (name === "node_modules") problem(here, nodeModulesFolder(WHAT_MAY_BE_HERE));
        else below.push(walk(here));
      } else if (!entry.isFile()) {
        problem(here, NEITHER_FILE_NOR_FOLDER);
      } else {
        const wrong = fileProblem(here);
        if (wrong) problem(here, wrong);
        else if (here[0] === FILES_FOLDER) scan.files.set(`/${here.join("/")}`, contentFileKind(name)!);
        // The site's settings and pages are read by src/content/site.ts and src/content/content-page.ts.
        else if (here[0] === PAGES_FOLDER || (here.length === 1 && name === SETTINGS_FILE)) continue;
        else scan.releases.push(folderKey === "" ? name : `${folderKey}/${name}`);
      }
    }
    await Promise.all(below);
  };

  await walk([]);
  scan.releases.sort();
  return scan;
}

/** Whether `file` (relative to the working folder, or absolute) is where a release of `contentDir` may live. */
export function isReleaseLocation(contentDir: string, file: string): boolean {
  const parts = path.relative(path.resolve(contentDir), path.resolve(file)).split(path.sep);
  const name = parts[parts.length - 1]!;
  return (
    name.endsWith(RELEASE_EXTENSION) &&
    parts[0] !== ".." &&
    !path.isAbsolute(parts[0]!) &&
    parts[0] !== FILES_FOLDER &&
    parts[0] !== PAGES_FOLDER &&
    !parts.some((part) => part.startsWith(".") || part === "node_modules")
  );
}

/** Whether `file` is a symbolic link or another special file (not a regular file, or gone). */
export function isSpecialFile(file: string): boolean {
  const info = lstatSync(file, { throwIfNoEntry: false });
  return info !== undefined && !info.isFile();
}

/** How each attachment type's files begin: a file that says it is one thing and is another is not published. */
const ATTACHMENT_SIGNATURES: Readonly<Record<string, string>> = { pdf: "%PDF-", docx: "PK\x03\x04", xlsx: "PK\x03\x04" };

/** What is wrong with the attachment `file` (its first bytes are not its type's), or undefined. */
export function attachmentProblem(file: string, address: string): Message | undefined {
  const extension = extensionOf(path.basename(file));
  const signature = ATTACHMENT_SIGNATURES[extension];
  if (!signature) return undefined;
  const head = Buffer.alloc(signature.length);
  let descriptor: number | undefined;
  try {
    descriptor = openSync(file, "r");
    readSync(descriptor, head, 0, head.length, 0);
  } catch {
    return attachmentUnreadable(address);
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
  return head.toString("latin1") === signature ? undefined : attachmentNotItsType(address, extension);
}

/** How an address is used: shown as a picture (`image`, `![…](…)`), or linked to (`[…](…)`). */
export type AddressUse = "picture" | "link";

export type ResolvedAddress =
  | {
      ok: true;
      /** The file, under the content folder. */
      file: string;
      /** Its address, decoded and without query or fragment: `/images/a/photo.jpg`. */
      address: string;
      kind: ContentFileKind;
    }
  | { ok: false; message: Message };

/** An address's path as the file system names it (`%20` is a space); left as written when it is not valid percent-encoding. */
export function decodeAddress(address: string): string {
  const pathPart = address.split(/[?#]/)[0]!;
  try {
    return decodeURI(pathPart);
  } catch {
    return pathPart;
  }
}

/** Whether a link in a release's text goes to a file of the content folder (`/images/…`). */
export function isContentAddress(address: string): boolean {
  return decodeAddress(address).startsWith(`/${FILES_FOLDER}/`);
}

/**
 * The file of the content folder at `address` (a site path such as `/images/photo.jpg`, as
 * written or percent-encoded), or what is wrong with it: outside /images/ (`..`, `.`, hidden
 * or empty parts), of a type that may not be published (a picture must be a picture), missing,
 * or reached through a symbolic link. The file system is asked part by part without following
 * links, so what is published is always a file inside `contentDir/images/`.
 */
export function resolveContentAddress(contentDir: string, address: string, use: AddressUse): ResolvedAddress {
  const decoded = decodeAddress(address);
  const folder = path.join(contentDir, FILES_FOLDER);
  const parts = decoded.split("/").slice(1);
  if (parts[0] !== FILES_FOLDER || parts.length < 2) {
    return { ok: false, message: addressNotInFiles(use, decoded, folder) };
  }
  if (parts.some((part) => part === "" || part.startsWith(".") || part.includes("\\") || part.includes("\0"))) {
    return { ok: false, message: addressLeavesFiles(use, decoded, folder) };
  }
  const kind = contentFileKind(parts[parts.length - 1]!);
  if (use === "picture" && kind !== "picture") {
    return { ok: false, message: notAPicture(decoded) };
  }
  if (!kind) {
    return { ok: false, message: notPublishableLink(decoded, PICTURE_EXTENSIONS, ATTACHMENT_EXTENSIONS) };
  }
  let file = contentDir;
  for (const [index, part] of parts.entries()) {
    file = path.join(file, part);
    const info = lstatSync(file, { throwIfNoEntry: false });
    const last = index === parts.length - 1;
    if (!info || (!last && info.isDirectory() === false && !info.isSymbolicLink())) {
      return { ok: false, message: fileMissing(use, decoded, folder) };
    }
    if (info.isSymbolicLink()) {
      return { ok: false, message: reachedThroughLink(use, decoded, path.join(...parts.slice(0, index + 1)), folder) };
    }
    if (last && !info.isFile()) return { ok: false, message: addressIsFolder(use, decoded) };
  }
  return { ok: true, file, address: decoded, kind };
}
