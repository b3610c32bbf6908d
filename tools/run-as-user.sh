#!/usr/bin/env bash
# Runs a command from the repository root as an unprivileged user when called as root,
# because PostgreSQL (started by the tests through testing.postgresql) refuses root.
# When that user cannot read the clone (a clone under /root, say), the tree is copied to
# a readable temporary directory first.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" -ne 0 ]; then
  exec "$@"
fi
user=plraster_runner
id "$user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$user"
run_dir=$PWD
if ! runuser -u "$user" -- test -r "$run_dir/tests/conftest.py" -a -x "$run_dir/.venv/bin/python"; then
  run_dir=$(mktemp -d /tmp/plraster-run.XXXXXX)
  cp -a . "$run_dir"
  chmod -R a+rX "$run_dir"
  trap 'rm -rf "$run_dir"' EXIT
fi
cd "$run_dir"
runuser -u "$user" -- env HOME=/tmp TMPDIR=/tmp PYTHONDONTWRITEBYTECODE=1 "$@"
