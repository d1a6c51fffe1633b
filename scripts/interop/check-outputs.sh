#!/usr/bin/env bash
# By hand, where openpyxl and LibreOffice are installed: every .xlsx our commands write from the
# interop fixtures (our sample, the same saved by openpyxl and by LibreOffice) opens in openpyxl
# and converts in LibreOffice Calc. tests/local/interop-outputs.test.ts checks the same outputs' XML
# without either program.
#   Needs: apt-get install -y python3-openpyxl libreoffice-calc-nogui
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
python="${PYTHON:-/usr/bin/python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"
node scripts/build.mjs --cli-only --quiet
fail=0
for input in sample sample.openpyxl sample.libreoffice; do
  src="tests/fixtures/interop/$input.xlsx"
  node dist/cli.js consolidate "$src" --out "$work/$input.tong-hop.xlsx" >/dev/null || true
  node dist/cli.js split "$src" --out "$work/$input.split" >/dev/null
  first="$(ls "$work/$input.split" | head -1)"
  node dist/cli.js collect "$src" "$work/$input.split/$first" --out "$work/$input.collected.xlsx" >/dev/null || true
  for f in "$work/$input.tong-hop.xlsx" "$work/$input.split/$first" "$work/$input.collected.xlsx"; do
    if "$python" -c 'import sys, openpyxl; openpyxl.load_workbook(sys.argv[1])' "$f" 2>"$work/err"; then
      echo "openpyxl ok: $input → $(basename "$f")"
    else
      echo "openpyxl FAILED: $input → $(basename "$f"): $(tail -1 "$work/err")"
      fail=1
    fi
    if soffice --headless --convert-to csv --outdir "$work/csv" "$f" >/dev/null 2>&1 && [ -s "$work/csv/$(basename "${f%.xlsx}").csv" ]; then
      echo "LibreOffice ok: $input → $(basename "$f")"
    else
      echo "LibreOffice FAILED: $input → $(basename "$f")"
      fail=1
    fi
  done
done
exit $fail
