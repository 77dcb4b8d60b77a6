#!/usr/bin/env bash
# Installs the real Jupyter peers and the browser the test suite talks to (Debian packages).
set -euo pipefail
packages=(python3-jupyter-kernel-test jupyter-nbconvert jupyter-client python3-jupyter-server python3-ipykernel chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}"
fi
echo "test peers ready: ${packages[*]}"
