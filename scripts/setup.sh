#!/usr/bin/env bash
# Create .venv and install newsgraph with its test tools. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
# the ray extra (Ray, pyarrow) too, so that the tests of the ray engine and the shards run, and the
# postgres extra (psycopg 3), so that those of the PostgreSQL store do
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[dev,ray,postgres]"
# The PostgreSQL tests start a throwaway cluster of their own (initdb + pg_ctl on a socket in a
# temporary folder): install Debian's server when it is missing and we are root with apt-get,
# without the cluster and service Debian would otherwise create and start.
have_initdb() { command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; }
if ! have_initdb && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing postgresql for the PostgreSQL store's tests (apt-get)" >&2
  mkdir -p /etc/postgresql-common
  [ -e /etc/postgresql-common/createcluster.conf ] || echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.conf
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null; }; then
    echo "warning: could not install postgresql; the PostgreSQL tests will fail in CI" >&2
  fi
fi
# The browser tests drive the system Chromium (Playwright cannot download browsers here):
# install Debian's package when it is missing and we are root on a machine with apt-get.
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing chromium for the browser tests (apt-get)" >&2
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; }; then
    echo "warning: could not install chromium; the browser tests will be skipped" >&2
  fi
fi
