#!/usr/bin/env bash
# `npm test`'s first step (package.json "pretest"): the programs the tests drive that npm cannot
# install — Chromium (browser e2e), xmllint (manifest schema), LibreOffice Calc and Writer with
# pdftotext (round trip, the report as PDF) and a CJK font (readable screenshots). Installs only
# what is missing, with apt-get, when run as root on Debian; anywhere else stops with one line
# naming the command to run. Nothing is done when all are there: a few `command -v` per run.
set -euo pipefail

need=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need+=(chromium)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
# LibreOffice re-saves our workbooks (Calc) and converts the Word report to PDF (Writer).
lo=/usr/lib/libreoffice/program
{ command -v soffice >/dev/null 2>&1 && [ -e "$lo/libsclo.so" ]; } || need+=(libreoffice-calc-nogui)
{ command -v soffice >/dev/null 2>&1 && [ -e "$lo/libswlo.so" ]; } || need+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
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
