#!/usr/bin/env bash
# Build the archive and upload it to any web server reached by SSH (rsync), in an order that
# never shows a reader a page that links to a file not there yet (the build publishes _site/
# itself in the same order):
#
#   1. new fingerprinted files (stylesheets, fonts, scripts, pictures, the search index's
#      chunks and metadata): their names are new, so nothing a reader has open changes;
#   2. release pages, which name those files and each other;
#   3. the search index's entry files (pagefind/<shard>/), whose results name release pages;
#   4. everything else (home, lists, the search page, feeds, sitemaps, redirect pages), which
#      name all of the above;
#   5. files the new build no longer has are removed last; fingerprinted files and the search
#      index stay, so a page a reader opened before the upload still finds its stylesheet,
#      fonts and the search shards it names.
#
# One run at a time: the script holds a lock (flock, from util-linux) from the build to the last
# upload, so a scheduled run that starts while the last one still builds or uploads waits for it
# (at most UPLOAD_LOCK_WAIT seconds, default 3600) instead of building into the same _site/ or
# removing files the other is uploading. The lock is on this machine: upload to a server from
# one machine, or point UPLOAD_LOCK at a file every uploading machine shares.
#
# Usage: SITE_URL=https://news.example.org DEST=user@server:/var/www/akhbar docs/ci-examples/upload.sh
# The web server should send the headers of docs/ci-examples/nginx.conf (caching, CSP).
set -euo pipefail

: "${SITE_URL:?set SITE_URL to the address readers use, e.g. https://news.example.org}"
: "${DEST:?set DEST to the rsync destination, e.g. user@server:/var/www/akhbar}"
LOCK="${UPLOAD_LOCK:-_site.upload.lock}"
LOCK_WAIT="${UPLOAD_LOCK_WAIT:-3600}"

command -v flock >/dev/null || { echo "upload.sh: flock is needed (util-linux) so that two uploads never overlap" >&2; exit 1; }
exec 9>"$LOCK"
if ! flock --nonblock 9; then
  echo "upload.sh: another upload holds $LOCK; waiting for it to finish (at most $LOCK_WAIT s)…" >&2
  flock --wait "$LOCK_WAIT" 9 || { echo "upload.sh: another upload still holds $LOCK after $LOCK_WAIT s (UPLOAD_LOCK_WAIT): nothing was built or uploaded" >&2; exit 1; }
fi

npm ci
npm run check
npm run build

# 1. Fingerprinted files: never overwritten (same name, same content), only added.
rsync -rt --prune-empty-dirs --ignore-existing --include='*/' \
  --include='/assets/**' --include='/img/**' \
  --include='/pagefind/*/fragment/**' --include='/pagefind/*/index/**' --include='/pagefind/*/filter/**' --include='/pagefind/*/pagefind.*.pf_meta' \
  --exclude='*' _site/ "$DEST/"
# 2. Release pages, replaced where changed.
rsync -rt --prune-empty-dirs --checksum --include='*/' \
  --include='/news/[0-9]*/index.html' --include='/en/news/[0-9]*/index.html' \
  --exclude='*' _site/ "$DEST/"
# 3. The search index's entry files.
rsync -rt --prune-empty-dirs --checksum --include='*/' --include='/pagefind/**' --exclude='*' _site/ "$DEST/"
# 4. Everything else, replaced where changed.
rsync -rt --checksum _site/ "$DEST/"
# 5. Pages and files the build no longer has (fingerprinted ones and the search index stay: see below).
rsync -rt --delete --checksum --exclude='/assets/' --exclude='/img/' --exclude='/pagefind/' _site/ "$DEST/"
# Old fingerprinted files and search files add up slowly, deploy after deploy. Now and then
# (monthly, say), remove those no build uses any more: rsync -rt --delete _site/ "$DEST/"
