/**
 * What the content folder may hold, and where an address written in a release leads in it.
 * The content folder is editors' data, committed by many hands and built on a machine that holds
 * a deploy token: nothing in it is ever run, and nothing outside it is ever published from it.
 *
 * - Release files: `.md`, anywhere outside `images/` and `pages/` (by convention under `releases/<year>/`).
 * - The site's pages besides releases: `.md` files directly in `pages/` (src/content/content-page.ts),
 *   and its settings, `site.yml` at the top (src/content/site.ts).
 * - Under `images/` (and its sub-folders): pictures (PICTURE_EXTENSIONS) and attachments
 *   (ATTACHMENT_EXTENSIONS); under `files/`: attachments (pdf, docx, xlsx, zip). What each
 *   folder holds is CONTENT_FILE_FOLDERS; each attachment type is checked by its first bytes
 *   (ATTACHMENT_TYPES). Published only when a release uses them (src/render/images.ts), at
 *   their own address (`/images/…`, `/files/…`).
 * - Git's own files (ALLOWED_HIDDEN_FILES, and `.git` at the top, for a content folder that is
 *   a checkout of its own), which nothing reads.
 *
 * Anything else (code, templates, HTML, a hidden file, a symbolic link, a node_modules folder)
 * is a problem naming the file, and fails the build (src/content/load.ts) and `npm run check`
 * (src/editors/lint.ts). `resolveContentAddress` is the one reading of an address such as
 * `/images/photo.jpg` or `/files/report.pdf`, used by the build and by `check` alike, so that they agree.
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

/** The folder of pictures (and, as before content/files/, attachments), and the address it is published at (`/images/…`). */
export const IMAGES_FOLDER = "images";
/** The folder of attachments, published at `/files/…`. */
export const ATTACHMENTS_FOLDER = "files";
export const PICTURE_EXTENSIONS: readonly string[] = ["jpg", "jpeg", "png", "webp", "avif", "gif", "svg"];

/** A type of attachment: how its files begin, and what a link to one tells the reader's browser. */
export interface AttachmentType {
  /** The first bytes (latin1) of every file of the type, at `offset` (0 unless given): a file that says it is one thing and is another is not published. */
  signature: string;
  offset?: number;
  /** The link's `type` attribute. */
  mediaType: string;
}

/**
 * The attachments a release may link to, by extension: formats that carry no macros and that
 * browsers never open as pages (a `.docm` or an `.html` would). A ZIP's first bytes are a ZIP's
 * whatever it holds: the reader's machine, not the site, opens it. A new kind is a row here and
 * its extension in CONTENT_FILE_FOLDERS.
 */
export const ATTACHMENT_TYPES: Readonly<Record<string, AttachmentType>> = {
  pdf: { signature: "%PDF-", mediaType: "application/pdf" },
  docx: { signature: "PK\x03\x04", mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  xlsx: { signature: "PK\x03\x04", mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  zip: { signature: "PK\x03\x04", mediaType: "application/zip" },
  // Videos a release plays (src/render/video.ts): an MP4's `ftyp` box comes first, after its 4-byte size; a WebM is EBML.
  mp4: { signature: "ftyp", offset: 4, mediaType: "video/mp4" },
  webm: { signature: "\x1A\x45\xDF\xA3", mediaType: "video/webm" },
};

/** What each folder of files releases use holds, by extension; each folder is published at `/<folder>/…`. */
export const CONTENT_FILE_FOLDERS: Readonly<Record<string, { pictures: readonly string[]; attachments: readonly string[] }>> = {
  // content/images/ keeps the attachments it could hold before content/files/ existed.
  [IMAGES_FOLDER]: { pictures: PICTURE_EXTENSIONS, attachments: ["pdf", "docx", "xlsx"] },
  [ATTACHMENTS_FOLDER]: { pictures: [], attachments: ["pdf", "docx", "xlsx", "zip", "mp4", "webm"] },
};
/** The attachments content/images/ may hold. */
export const ATTACHMENT_EXTENSIONS: readonly string[] = CONTENT_FILE_FOLDERS[IMAGES_FOLDER]!.attachments;
/** The attachments content/files/ may hold. */
export const FILES_EXTENSIONS: readonly string[] = CONTENT_FILE_FOLDERS[ATTACHMENTS_FOLDER]!.attachments;
const isContentFileFolder = (name: string | undefined) => name !== undefined && Object.hasOwn(CONTENT_FILE_FOLDERS, name);
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
const WHAT_MAY_BE_HERE = whatMayBeHere(PICTURE_EXTENSIONS, ATTACHMENT_EXTENSIONS, FILES_EXTENSIONS);

/** The kind of a file with this name under `folder` (images/ unless given), or undefined when it may not be there. */
export function contentFileKind(name: string, folder: string = IMAGES_FOLDER): ContentFileKind | undefined {
  const extension = extensionOf(name);
  const holds = isContentFileFolder(folder) ? CONTENT_FILE_FOLDERS[folder]! : undefined;
  if (holds?.pictures.includes(extension)) return "picture";
  if (holds?.attachments.includes(extension)) return "attachment";
  return undefined;
}

/** The type of the attachment `name` (by its extension), or undefined when it is not an attachment. */
export function attachmentType(name: string): (AttachmentType & { extension: string }) | undefined {
  const extension = extensionOf(name);
  const type = Object.hasOwn(ATTACHMENT_TYPES, extension) ? ATTACHMENT_TYPES[extension] : undefined;
  return type && { ...type, extension };
}

/** What is wrong with a regular file at `parts` (relative to the content folder), or undefined when it may be there. */
function fileProblem(parts: readonly string[]): Message | undefined {
  const name = parts[parts.length - 1]!;
  const extension = extensionOf(name);
  if (isContentFileFolder(parts[0])) {
    if (contentFileKind(name, parts[0])) return undefined;
    const holds = CONTENT_FILE_FOLDERS[parts[0]!]!;
    return notPublishableInFiles(extension, holds.pictures, holds.attachments, parts[0]!);
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
    const folderKey = parts.length === 0 || !isContentFileFolder(parts[0]) ? inputPathKey(folder) : "";
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
        else if (isContentFileFolder(here[0])) scan.files.set(`/${here.join("/")}`, contentFileKind(name, here[0])!);
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
    !isContentFileFolder(parts[0]) &&
    parts[0] !== PAGES_FOLDER &&
    !parts.some((part) => part.startsWith(".") || part === "node_modules")
  );
}

/** Whether `file` is a symbolic link or another special file (not a regular file, or gone). */
export function isSpecialFile(file: string): boolean {
  const info = lstatSync(file, { throwIfNoEntry: false });
  return info !== undefined && !info.isFile();
}

/** What is wrong with the attachment `file` (its first bytes are not its type's, ATTACHMENT_TYPES), or undefined. */
export function attachmentProblem(file: string, address: string): Message | undefined {
  const type = attachmentType(path.basename(file));
  if (!type) return undefined;
  const { signature, offset = 0, extension } = type;
  const head = Buffer.alloc(signature.length);
  let descriptor: number | undefined;
  try {
    descriptor = openSync(file, "r");
    readSync(descriptor, head, 0, head.length, offset);
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

/** Whether a link in a release's text goes to a file of the content folder (`/images/…`, `/files/…`). */
export function isContentAddress(address: string): boolean {
  const decoded = decodeAddress(address);
  return Object.keys(CONTENT_FILE_FOLDERS).some((folder) => decoded.startsWith(`/${folder}/`));
}

/**
 * The file of the content folder at `address` (a site path such as `/images/photo.jpg` or
 * `/files/report.pdf`, as written or percent-encoded), or what is wrong with it: outside
 * /images/ and /files/ (a picture: outside /images/; `..`, `.`, hidden
 * or empty parts), of a type that may not be published (a picture must be a picture), missing,
 * or reached through a symbolic link. The file system is asked part by part without following
 * links, so what is published is always a file inside `contentDir/images/` or `contentDir/files/`.
 */
export function resolveContentAddress(contentDir: string, address: string, use: AddressUse): ResolvedAddress {
  const decoded = decodeAddress(address);
  const parts = decoded.split("/").slice(1);
  // A picture is only ever in images/; a link names the folder of the file it asks for.
  const named = use === "link" && isContentFileFolder(parts[0]) ? parts[0]! : IMAGES_FOLDER;
  const folder = path.join(contentDir, named);
  if (parts[0] !== named || parts.length < 2) {
    return { ok: false, message: addressNotInFiles(use, decoded, folder) };
  }
  if (parts.some((part) => part === "" || part.startsWith(".") || part.includes("\\") || part.includes("\0"))) {
    return { ok: false, message: addressLeavesFiles(use, decoded, folder) };
  }
  const kind = contentFileKind(parts[parts.length - 1]!, named);
  if (use === "picture" && kind !== "picture") {
    return { ok: false, message: notAPicture(decoded) };
  }
  if (!kind) {
    const holds = CONTENT_FILE_FOLDERS[named]!;
    return { ok: false, message: notPublishableLink(decoded, holds.pictures, holds.attachments, named) };
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
