#!/usr/bin/env bash
# The whole test suite (make test calls this after installing everything).
# pytest's exit code 5 (no tests collected) counts as a failure: a suite must run.
set -euo pipefail
cd "$(dirname "$0")/.."
# With arguments, run just those (paths or pytest options); without, the whole suite.
[ $# -gt 0 ] || set -- tests
bash tools/run-as-user.sh .venv/bin/python -m pytest -p no:cacheprovider -q "$@"
