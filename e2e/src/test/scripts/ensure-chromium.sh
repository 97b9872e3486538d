#!/bin/sh
# The admin page browser test drives Debian's Chromium (Playwright never downloads a browser here).
# Installs it when missing and we are root (a fresh CI machine or container); otherwise says what to do.
set -e
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: installing Debian's chromium (apt-get)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
  exit 0
fi
echo "ensure-chromium: chromium is missing; install it (sudo apt-get install chromium) or the browser test fails" >&2
