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

# One sheet of a workbook, alone, fitted to one page width, landscape or portrait.
one_sheet() { # <in.xlsx> <sheet> <out.xlsx> <landscape|portrait> <max rows>
  /usr/bin/python3 - "$@" <<'PY'
import sys, openpyxl
src, name, dst, orient, rows = sys.argv[1:6]
wb = openpyxl.load_workbook(src)
for ws in list(wb.worksheets):
    if ws.title != name:
        wb.remove(ws)
ws = wb[name]
ws.sheet_state = 'visible'
ws.print_area = f"A1:{openpyxl.utils.get_column_letter(min(ws.max_column, 12))}{min(ws.max_row, int(rows))}"
ws.page_setup.orientation = orient
ws.page_setup.paperSize = ws.PAPERSIZE_A4
ws.sheet_properties.pageSetUpPr.fitToPage = True
ws.page_setup.fitToWidth = 1
ws.page_setup.fitToHeight = 1
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

one_sheet "$work/demo/so-lieu-cac-don-vi.xlsx" 'UBND xã Phú Hòa' "$work/bieu-mau-don-vi.xlsx" portrait 60
picture "$work/bieu-mau-don-vi.xlsx" "$out/bieu-mau-don-vi.png"
one_sheet "$work/demo/tong-hop.xlsx" 'Kết quả kiểm tra' "$work/ket-qua-kiem-tra.xlsx" landscape 30
picture "$work/ket-qua-kiem-tra.xlsx" "$out/ket-qua-kiem-tra.png"
one_sheet "$work/demo/tong-hop.xlsx" 'Tổng hợp' "$work/tong-hop.xlsx" portrait 55
picture "$work/tong-hop.xlsx" "$out/tong-hop.png"
picture "$work/demo/du-thao-bao-cao.docx" "$out/du-thao-bao-cao.png"
