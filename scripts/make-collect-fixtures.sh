#!/bin/sh
# Remakes tests/fixtures/collect/: the province workbook, one agency file filled and saved by
# openpyxl, one filled by openpyxl and then opened and saved again by LibreOffice Calc.
# Needs: apt-get install python3-openpyxl libreoffice-calc-nogui. Tests only read the results.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/tests/fixtures/collect"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
npx esbuild "$root/scripts/collect-fixtures.ts" --bundle --platform=node --format=cjs --packages=external \
  --outfile="$root/dist/collect-fixtures.js" --log-level=warning
node "$root/dist/collect-fixtures.js" "$out" "$work"
/usr/bin/python3 "$root/scripts/collect-fixtures.py" "$work/jobs.json"
cp "$work/openpyxl-filled.xlsx" "$out/openpyxl.xlsx"
(cd "$work" && soffice --headless --calc --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$work/lo" libreoffice-filled.xlsx >/dev/null)
cp "$work/lo/libreoffice-filled.xlsx" "$out/libreoffice.xlsx"
ls -l "$out"
