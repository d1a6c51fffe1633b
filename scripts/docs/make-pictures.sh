#!/usr/bin/env bash
# Makes the printed-page pictures of docs/hinh/ from the demo's outputs: each sheet or document is
# printed by LibreOffice (soffice) to PDF, its first page rendered by pdftoppm at a small size.
# Needs: soffice, pdftoppm, /usr/bin/python3 with openpyxl and Pillow (Debian: python3-openpyxl, python3-pil). Run from the repository root:
#   scripts/docs/make-pictures.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
out=docs/hinh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out" "$work/lo/user"
# LibreOffice in the Vietnamese locale, so figures print as 1.949 and 99,46% (as in Google Sheets).
cat >"$work/lo/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>vi-VN</value></prop></item>
</oor:items>
XCU
npm run -s cchc -- demo --out-dir "$work/demo" >/dev/null

# One sheet of a workbook, alone, printed with the page setup the project wrote (A4, titles, scale).
one_sheet() { # <in.xlsx> <sheet> <out.xlsx>
  /usr/bin/python3 - "$@" <<'PY'
import sys, openpyxl
src, name, dst = sys.argv[1:4]
wb = openpyxl.load_workbook(src)
for ws in list(wb.worksheets):
    if ws.title != name:
        wb.remove(ws)
wb[name].sheet_state = 'visible'
wb.save(dst)
PY
}

# First page of a file as a PNG 900 px wide, 16 grey levels (Pillow): pictures stay under 150 KB.
picture() { # <in file> <out.png>
  soffice -env:UserInstallation="file://$work/lo" --headless --convert-to pdf --outdir "$work" "$1" >/dev/null 2>&1
  local pdf="$work/$(basename "${1%.*}").pdf"
  pdftoppm -png -r 110 -f 1 -l 1 -scale-to-x 900 -scale-to-y -1 "$pdf" "$work/page"
  /usr/bin/python3 -c '
import sys; from PIL import Image
Image.open(sys.argv[1]).convert("L").quantize(16).save(sys.argv[2], optimize=True)' "$work"/page-*1.png "$2"
  rm -f "$work"/page-*.png
  echo "$2: $(stat -c %s "$2") bytes"
}

one_sheet "$work/demo/so-lieu-cac-don-vi.xlsx" 'UBND xã Phú Hòa' "$work/bieu-mau-don-vi.xlsx"
picture "$work/bieu-mau-don-vi.xlsx" "$out/bieu-mau-don-vi.png"
one_sheet "$work/demo/tong-hop.xlsx" 'Kết quả kiểm tra' "$work/ket-qua-kiem-tra.xlsx"
picture "$work/ket-qua-kiem-tra.xlsx" "$out/ket-qua-kiem-tra.png"
one_sheet "$work/demo/tong-hop.xlsx" 'Tổng hợp' "$work/tong-hop.xlsx"
picture "$work/tong-hop.xlsx" "$out/tong-hop.png"
picture "$work/demo/du-thao-bao-cao.docx" "$out/du-thao-bao-cao.png"
