#!/usr/bin/env bash
# Daily backup of the Knotenpunkt store, safe while the bot runs (SQLite backup API).
# cron:  15 3 * * *  knotenpunkt  /opt/knotenpunkt/deploy/backup.sh
# Keeps the last KEEP_DAYS copies in BACKUP_DIR.
set -euo pipefail
BACKUP_DIR=${BACKUP_DIR:-/var/backups/knotenpunkt}
KEEP_DAYS=${KEEP_DAYS:-14}
KNOTENPUNKT=${KNOTENPUNKT:-/opt/knotenpunkt/.venv/bin/knotenpunkt}
if [ -f /etc/knotenpunkt.env ]; then
  set -a; . /etc/knotenpunkt.env; set +a
fi
mkdir -p "$BACKUP_DIR"
target="$BACKUP_DIR/knotenpunkt-$(date +%Y%m%d-%H%M%S).sqlite3"
"$KNOTENPUNKT" db backup "$target"
gzip "$target"
find "$BACKUP_DIR" -name 'knotenpunkt-*.sqlite3.gz' -mtime +"$KEEP_DAYS" -delete
