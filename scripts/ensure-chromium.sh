#!/usr/bin/env bash
# Makes sure a Chromium for the end-to-end tests exists, installing Debian's package when none does.
# Prints the binary's path on stdout (last line); everything else goes to stderr.
# Never uses Playwright's browser download: it needs the network at test time and fails offline.
# Debian's chromium ships SwiftShader, so WebGPU works even on machines without a GPU.
set -euo pipefail

CANDIDATES=(/usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome /usr/bin/google-chrome-stable /snap/bin/chromium)

hint() {
  echo "Install Chromium yourself (Debian/Ubuntu: apt-get install -y chromium, as root) or set" >&2
  echo "FOLIO_CHROMIUM to the path of a Chromium or Chrome binary, then run the tests again." >&2
}

find_chromium() {
  local var path
  for var in FOLIO_CHROMIUM CHROME_PATH; do
    path="${!var:-}"
    if [[ -n "$path" ]]; then
      if [[ -x "$path" ]]; then echo "$path"; return 0; fi
      echo "ensure-chromium: $var=$path is not an executable file." >&2
      hint
      exit 1
    fi
  done
  for path in "${CANDIDATES[@]}"; do
    if [[ -x "$path" ]]; then echo "$path"; return 0; fi
  done
  return 1
}

if find_chromium; then exit 0; fi

echo "ensure-chromium: no Chromium found; installing one with apt-get." >&2
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: this is not a Debian/Ubuntu machine (no apt-get)." >&2
  hint
  exit 1
fi

# Root installs directly; anyone else needs sudo that asks no password (CI has no terminal).
if [[ "$(id -u)" == 0 ]]; then
  as_root=(env DEBIAN_FRONTEND=noninteractive)
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n env DEBIAN_FRONTEND=noninteractive)
else
  echo "ensure-chromium: installing needs root or passwordless sudo, and neither is available." >&2
  hint
  exit 1
fi

"${as_root[@]}" apt-get update </dev/null >&2
# Debian calls the package chromium; older Ubuntu calls it chromium-browser (a snap shim there,
# which does not work inside containers; prefer a Debian image or set FOLIO_CHROMIUM).
if ! "${as_root[@]}" apt-get install -y chromium </dev/null >&2; then
  "${as_root[@]}" apt-get install -y chromium-browser </dev/null >&2 || true
fi

if find_chromium; then exit 0; fi
echo "ensure-chromium: apt-get ran but no Chromium binary appeared." >&2
hint
exit 1
