#!/usr/bin/env bash
# The main job on the bundled examples: ingest them all, then look inside.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NEWSGRAPH_DB=${NEWSGRAPH_DB:-out/examples.db}
mkdir -p "$(dirname "$NEWSGRAPH_DB")"
rm -f "$NEWSGRAPH_DB" "$NEWSGRAPH_DB-wal" "$NEWSGRAPH_DB-shm"
.venv/bin/newsgraph ingest examples
echo
echo '$ newsgraph analyze ../shared/seed (or the first bundled text)'
if [ -d ../shared/seed ]; then .venv/bin/newsgraph analyze ../shared/seed; else .venv/bin/newsgraph analyze examples/text/uk_aid_germany.txt; fi
echo '$ newsgraph search санкциями'
.venv/bin/newsgraph search санкциями
