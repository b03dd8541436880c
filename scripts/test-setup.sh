#!/usr/bin/env bash
# Installs what `npm test` needs beyond npm (Chromium, xmllint, redis-server, fonts) with apt-get; idempotent: present packages are skipped.
#
# Debian/Ubuntu as root or with passwordless sudo: installs what is missing. Elsewhere (or without root) it names
# exactly what to install and exits 1. Also checks that the Office manifest schemas are where the manifest test
# looks (../shared/schemas/office-manifest beside the clone, or ILLUSTRATE_SCHEMAS).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DEBIAN_FRONTEND=noninteractive

# chromium: E2E tests drive Debian's Chromium with playwright-core (never a downloaded browser; CHROMIUM_PATH overrides).
# libxml2-utils: xmllint validates manifest.xml against the Office schemas.
# redis-server: the gateway's shared request queue (ioredis), for the tests that use one.
# fonts-dejavu-core: fonts for Chromium screenshots and sharp's SVG text.
PACKAGES=(chromium libxml2-utils redis-server fonts-dejavu-core)

status=0
if command -v dpkg-query >/dev/null && command -v apt-get >/dev/null; then
  missing=()
  for pkg in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  if ((${#missing[@]})); then
    if [[ $(id -u) -eq 0 ]]; then
      SUDO=()
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
      SUDO=(sudo -n)
    else
      echo "test:setup: need root (or passwordless sudo) to install: ${missing[*]}" >&2
      echo "test:setup: run: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
      exit 1
    fi
    echo "test:setup: installing Debian packages: ${missing[*]}"
    "${SUDO[@]}" apt-get update -q </dev/null
    "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
  else
    echo "test:setup: Debian packages present: ${PACKAGES[*]}"
  fi
else
  # No apt: check the commands themselves and name what is missing.
  need=()
  command -v "${CHROMIUM_PATH:-chromium}" >/dev/null || [[ -x ${CHROMIUM_PATH:-/nonexistent} ]] ||
    need+=("Chromium (the 'chromium' command, or CHROMIUM_PATH=/path/to/chromium)")
  command -v xmllint >/dev/null || need+=("xmllint (libxml2's command-line tools)")
  command -v redis-server >/dev/null || need+=("redis-server (Redis 7)")
  if ! { command -v fc-list >/dev/null && fc-list | grep -qi dejavu; }; then need+=("the DejaVu fonts (fonts-dejavu-core)"); fi
  if ((${#need[@]})); then
    echo "test:setup: no apt-get here; install these, then run npm test:" >&2
    printf '  - %s\n' "${need[@]}" >&2
    exit 1
  fi
  echo "test:setup: chromium, xmllint, redis-server and DejaVu fonts present"
fi

schemas="${ILLUSTRATE_SCHEMAS:-../shared/schemas/office-manifest}"
if [[ ! -f $schemas/OfficeAppManifestV1_1.xsd ]]; then
  echo "test:setup: Office manifest schemas not found in $schemas (OfficeAppManifestV1_1.xsd):" >&2
  echo "  put the team's shared/ folder beside the clone, or set ILLUSTRATE_SCHEMAS=<folder holding them>" >&2
  status=1
fi

# Versions, for the log.
echo "node $(node --version), npm $(npm --version)"
"${CHROMIUM_PATH:-chromium}" --version 2>/dev/null || echo "chromium: not runnable"
xmllint --version 2>&1 | sed -n 1p  # sed reads all input: `head` could end the pipe early (SIGPIPE, exit 141 under pipefail)
redis-server --version || true
exit "$status"
