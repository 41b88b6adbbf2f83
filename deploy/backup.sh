#!/bin/sh
# Backup of the Knotenpunkt store, safe while the bot runs (SQLite's backup API), gzipped,
# keeping the copies of the last KEEP_DAYS days. Run by knotenpunkt-backup.timer, or cron:
#   15 3 * * *  knotenpunkt  /opt/knotenpunkt/deploy/backup.sh
# Restore one (stop the bot first): knotenpunkt-cli db restore /var/backups/knotenpunkt/FILE.gz
set -eu
BACKUP_DIR=${BACKUP_DIR:-/var/backups/knotenpunkt}
KEEP_DAYS=${KEEP_DAYS:-14}
KNOTENPUNKT=${KNOTENPUNKT:-/opt/knotenpunkt/.venv/bin/knotenpunkt}
if [ -z "${KNOTENPUNKT_DB_PATH:-}" ] && [ -r /etc/knotenpunkt.env ]; then
  set -a; . /etc/knotenpunkt.env; set +a
fi
mkdir -p "$BACKUP_DIR"
target="$BACKUP_DIR/knotenpunkt-$(date +%Y%m%d-%H%M%S).sqlite3.gz"
"$KNOTENPUNKT" db backup "$target"  # .gz: written gzipped; an existing file is refused
# never the copy just made, even when the clock disagrees with the file's time
find "$BACKUP_DIR" -name 'knotenpunkt-*.sqlite3.gz' ! -name "$(basename "$target")" \
  -mtime +"$KEEP_DAYS" -delete
echo "backup: $target; $(find "$BACKUP_DIR" -name 'knotenpunkt-*.sqlite3.gz' | wc -l) kept"
