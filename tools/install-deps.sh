#!/usr/bin/env bash
# Installs everything plraster needs on Debian 12: PostgreSQL 15 with plpython3u and
# PostGIS (the oracle for the tests), GDAL, the server-side Python dependencies for the
# interpreter that plpython3u embeds (/usr/bin/python3), and a virtualenv for the tests.
# Idempotent: a second run installs nothing new.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)

apt_packages=(
  make gcc
  postgresql-15 postgresql-server-dev-15 postgresql-plpython3-15
  postgresql-15-postgis-3 postgis
  python3 python3-venv python3-pip python3-numpy python3-gdal gdal-bin
  # storage tests: real servers on 127.0.0.1 (tests/servers/)
  nginx-light memcached swift swift-proxy swift-account swift-container swift-object
  # GIS-client tests (tests/clients/): QGIS's postgresraster provider, run headless
  qgis python3-qgis
)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q "${missing[@]}"
fi

# Swift's servers read /etc/swift/swift.conf whatever their swift_dir says; the storage tests
# run them unprivileged, so it must exist and be readable (the Debian package ships one).
if [ ! -r /etc/swift/swift.conf ] || ! grep -q '^swift_hash_path_suffix' /etc/swift/swift.conf; then
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd mkdir -p /etc/swift
  printf '%s\n' '[swift-hash]' 'swift_hash_path_suffix = plraster-test' 'swift_hash_path_prefix = plraster-test' \
    '' '[storage-policy:0]' 'name = Policy-0' 'default = yes' | $sudo_cmd tee /etc/swift/swift.conf >/dev/null
fi
if [ -z "$(find /etc/swift/swift.conf -perm -o=r)" ] || [ -z "$(find /etc/swift -maxdepth 0 -perm -o=x)" ]; then
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd chmod o+rx /etc/swift && $sudo_cmd chmod o+r /etc/swift/swift.conf
fi

# Server-side dependencies go to the interpreter plpython3u embeds, not to the python3 on PATH.
if ! /usr/bin/python3 -c "import sys; sys.exit(0)" 2>/dev/null; then
  echo "install-deps: /usr/bin/python3 is missing" >&2; exit 1
fi
sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
if ! /usr/bin/python3 "$here/tools/check-requirements.py" "$here/python/requirements.txt"; then
  $sudo_cmd /usr/bin/python3 -m pip install -q --break-system-packages -r "$here/python/requirements.txt"
fi

# The test runner lives in a virtualenv that also sees the system packages (numpy, osgeo).
if [ ! -x "$here/.venv/bin/python" ]; then
  /usr/bin/python3 -m venv --system-site-packages "$here/.venv"
fi
if ! "$here/.venv/bin/python" "$here/tools/check-requirements.py" "$here/tests/requirements.txt"; then
  "$here/.venv/bin/pip" install -q -r "$here/tests/requirements.txt"
fi
