#!/usr/bin/env bash
# Build the archive and upload it to any web server reached by SSH (rsync), in an order that
# never shows a reader a broken page:
#
#   1. new fingerprinted files (stylesheets, fonts, scripts, pictures, search index chunks):
#      their names are new, so nothing a reader has open changes;
#   2. everything else (pages, feeds, sitemaps, the search's entry file), which now name
#      files that are all there;
#   3. files the new build no longer has are removed last; fingerprinted ones are kept, so
#      a page a reader opened before the upload still finds its stylesheet and fonts.
#
# Usage: SITE_URL=https://news.example.org DEST=user@server:/var/www/akhbar docs/ci-examples/upload.sh
# The web server should send the headers of docs/ci-examples/nginx.conf (caching, CSP).
set -euo pipefail

: "${SITE_URL:?set SITE_URL to the address readers use, e.g. https://news.example.org}"
: "${DEST:?set DEST to the rsync destination, e.g. user@server:/var/www/akhbar}"

npm ci
npm run check
npm run build

# 1. Fingerprinted files: never overwritten (same name, same content), only added.
rsync -rt --ignore-existing --include='*/' \
  --include='/assets/**' --include='/img/**' --include='/pagefind/fragment/**' --include='/pagefind/index/**' --include='/pagefind/filter/**' \
  --exclude='*' _site/ "$DEST/"
# 2. Everything else, replaced where changed.
rsync -rt --checksum _site/ "$DEST/"
# 3. Pages and files the build no longer has (fingerprinted ones stay: see below).
rsync -rt --delete --checksum \
  --exclude='/assets/' --exclude='/img/' --exclude='/pagefind/fragment/' --exclude='/pagefind/index/' --exclude='/pagefind/filter/' \
  _site/ "$DEST/"
# Old fingerprinted files add up to a few kilobytes a deploy. Now and then (monthly, say),
# remove those no build uses any more: rsync -rt --delete _site/ "$DEST/"
