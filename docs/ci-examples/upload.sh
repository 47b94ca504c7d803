#!/usr/bin/env bash
# Build the archive and deploy it from one machine (a cron job on an office server, say) to a web
# server over SSH or to S3-compatible object storage, with `npm run deploy`: only the files that
# changed since the last deploy move, new fingerprinted files first, pages after them, deletions
# last; old stylesheets and search chunks stay for readers of pages opened before (docs/deploy.md).
#
# One run at a time: the script holds a lock (flock, from util-linux) from the build to the end
# of the deploy, so a scheduled run that starts while the last one still builds or deploys waits
# for it (at most UPLOAD_LOCK_WAIT seconds, default 3600) instead of building against the same
# deploy record. The lock is on this machine: deploy to a target from one machine.
#
# Usage:
#   SITE_URL=https://news.example.org AKHBAR_HOST=nginx \
#   DEPLOY_TO=ssh://deploy@server.example.org/var/www/akhbar docs/ci-examples/upload.sh
# The web server should use docs/ci-examples/nginx.conf (headers, old addresses, 404 page).
set -euo pipefail

: "${SITE_URL:?set SITE_URL to the address readers use, e.g. https://news.example.org}"
: "${DEPLOY_TO:?set DEPLOY_TO to ssh://user@server/path, a folder, or s3://bucket/prefix}"
LOCK="${UPLOAD_LOCK:-_site.upload.lock}"
LOCK_WAIT="${UPLOAD_LOCK_WAIT:-3600}"

command -v flock >/dev/null || { echo "upload.sh: flock is needed (util-linux) so that two deploys never overlap" >&2; exit 1; }
exec 9>"$LOCK"
if ! flock --nonblock 9; then
  echo "upload.sh: another run holds $LOCK; waiting for it to finish (at most $LOCK_WAIT s)…" >&2
  flock --wait "$LOCK_WAIT" 9 || { echo "upload.sh: another run still holds $LOCK after $LOCK_WAIT s (UPLOAD_LOCK_WAIT): nothing was built or deployed" >&2; exit 1; }
fi

npm ci
npm run check
# Writes into _site/ only what differs from what DEPLOY_TO was last given (its record is in .cache/).
npm run build -- --since-deploy "$DEPLOY_TO"
npm run deploy -- --to "$DEPLOY_TO"
