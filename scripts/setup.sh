#!/usr/bin/env bash
# Create .venv and install newsgraph with its test tools. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
# the ray extra (Ray, pyarrow) too, so that the tests of the ray engine and the shards run
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[dev,ray]"
# The browser tests drive the system Chromium (Playwright cannot download browsers here):
# install Debian's package when it is missing and we are root on a machine with apt-get.
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing chromium for the browser tests (apt-get)" >&2
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; }; then
    echo "warning: could not install chromium; the browser tests will be skipped" >&2
  fi
fi
