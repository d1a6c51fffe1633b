#!/usr/bin/env bash
# Makes the interop fixtures in tests/fixtures/interop/: small workbooks from our own `template` and
# `sample` commands, then each saved again by openpyxl (load, save; notes kept) and by LibreOffice
# Calc (soffice --headless --convert-to xlsx). The tests read them without python or LibreOffice.
#
# Needs: node (npm ci done), Debian's python3-openpyxl and libreoffice-calc-nogui
#   apt-get update && apt-get install -y python3-openpyxl libreoffice-calc-nogui
# Run from anywhere: scripts/interop/make-fixtures.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/tests/fixtures/interop"
python="${PYTHON:-/usr/bin/python3}" # Debian's python, where python3-openpyxl lives (not a pyenv shim)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$root"
node scripts/build.mjs --cli-only --quiet
mkdir -p "$out"

# Three agencies, the template's forms as an agency receives them.
printf 'stt,name,type\n1,Sở Nội vụ,so\n2,UBND xã Long Hòa,xa\n3,UBND phường 1,xa\n' >"$work/agencies.csv"
node dist/cli.js template --force --out "$out/template.xlsx" --agencies "$work/agencies.csv" --period Q3 --year 2026
# Four agencies with figures, two with planted mistakes (fixed seed: the same file each run).
node dist/cli.js sample --force --out "$out/sample.xlsx" --provincial 2 --communes 2 --seed 20260915 --mistakes 0.25

for name in template sample; do
  "$python" - "$out/$name.xlsx" "$out/$name.openpyxl.xlsx" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])  # notes (comments) are read and written back
wb.save(sys.argv[2])
PY
  # LibreOffice names its output after the input, so convert a copy with the fixture's final name.
  mkdir -p "$work/lo-in" "$work/lo-out"
  cp "$out/$name.xlsx" "$work/lo-in/$name.libreoffice.xlsx"
  soffice -env:UserInstallation="file://$work/lo-profile" --headless --calc \
    --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$work/lo-out" "$work/lo-in/$name.libreoffice.xlsx" >/dev/null
  cp "$work/lo-out/$name.libreoffice.xlsx" "$out/$name.libreoffice.xlsx"
done

# The sample edited by a script as users' tools do: merged value cells, uncached formulas, …
"$python" scripts/interop/mess.py "$out/sample.xlsx" "$out/sample.edited.xlsx"

{
  echo "Made by scripts/interop/make-fixtures.sh on $(date -u +%Y-%m-%d)."
  echo "openpyxl $("$python" -c 'import openpyxl; print(openpyxl.__version__)')"
  soffice --version | head -1
} >"$out/PRODUCERS.txt"
ls -l "$out"
