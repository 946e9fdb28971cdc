#!/usr/bin/env bash
# `npm test`'s first step (package.json "pretest"): the programs the tests drive that npm cannot
# install — Chromium (browser e2e), xmllint (manifest schema), LibreOffice Calc (round trip) and a
# CJK font (readable screenshots). Installs only what is missing, with apt-get, when run as root on
# Debian; anywhere else stops with one line naming the command to run. Nothing is done when all
# are there, so an ordinary run costs a few `command -v`.
set -euo pipefail

need=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need+=(chromium)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
[ -e /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] ||
  { command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -i "wenquanyi\|wqy" >/dev/null; } ||
  need+=(fonts-wqy-zenhei)

[ "${#need[@]}" -eq 0 ] && exit 0

install="apt-get update && apt-get install -y ${need[*]}"
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ziping: the tests need ${need[*]}; install them first: sudo sh -c '$install'" >&2
  exit 1
fi

echo "ziping: installing what the tests need: ${need[*]}"
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"
