#!/usr/bin/env bash
# The whole test suite (make test calls this after installing everything).
# pytest's exit code 5 (no tests collected) counts as a failure: a suite must run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/run-as-user.sh .venv/bin/python -m pytest -p no:cacheprovider -q tests "$@"
