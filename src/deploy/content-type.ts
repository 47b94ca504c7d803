/**
 * The Content-Type each file of the site is uploaded with, for targets that store it per file
 * (object storage: src/deploy/targets/s3.ts). A server reached over SSH (nginx) sets its own from
 * its types table; an object store serves what the upload said, so a page without `charset=utf-8`
 * would show its Persian as mojibake.
 *
 * From mime-types (the mime-db table every Node server uses); Akhbar adds only what the table
 * leaves out: a charset for XML (feeds, sitemaps), and the files named by no registered extension
 * (Pagefind's chunks `.pf_*` and its WebAssembly `.pagefind`, the host's rule files).
 */
import mimeTypes from "mime-types";

const BINARY = "application/octet-stream";
const TEXT = "text/plain; charset=utf-8";
/** Files of the site with no extension: the host's rule files, text. */
const NAMED = new Map([
  ["_headers", TEXT],
  ["_redirects", TEXT],
]);

/** The Content-Type of `file` (a root-relative path or a name). */
export function contentTypeFor(file: string): string {
  const name = file.slice(file.lastIndexOf("/") + 1);
  const named = NAMED.get(name);
  if (named) return named;
  const type = mimeTypes.contentType(name);
  if (!type) return BINARY;
  // mime-db gives no charset to XML documents (application/xml, application/atom+xml): Akhbar writes them in UTF-8.
  if (/^application\/(?:[\w.-]+\+)?xml$/.test(type)) return `${type}; charset=utf-8`;
  return type;
}
