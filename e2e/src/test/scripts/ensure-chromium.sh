#!/bin/sh
# The admin page browser test drives Debian's Chromium (Playwright never downloads a browser here), plus a small CJK
# font so the seed's Chinese toasts (海报☆…☆已新增!) render in the screenshots.
# Installs what is missing when we are root with apt-get (a fresh CI machine or container); otherwise says what to do.
set -e
packages=""
command -v chromium >/dev/null 2>&1 || packages="chromium"
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  packages="$packages fonts-wqy-microhei"
fi
[ -z "$packages" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: installing$packages (apt-get)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $packages
  exit 0
fi
echo "ensure-chromium: missing:$packages; install them (sudo apt-get install$packages)" >&2
# chromium itself is required; a missing font only spoils the screenshots
command -v chromium >/dev/null 2>&1
