"""Edits a sample workbook the way people and scripts do, with openpyxl, to make the fixture
sample.edited.xlsx: each edit is a case the reader must report at its cell, never guess.

  python3 mess.py in.xlsx out.xlsx
"""
import sys
import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
tabs = [ws for ws in wb.worksheets if ws.title != "Thiết lập" and not ws.title.startswith("_")]


def cell(ws, code):
    for r in range(1, ws.max_row + 1):
        if str(ws.cell(r, 1).value or "").strip() == code:
            return ws.cell(r, 4)
    raise KeyError(f"{code} not on {ws.title}")


a, b = tabs[0], tabs[1]
# Two value cells merged: the top value would otherwise be read into both rows.
top, below = cell(a, "3.4.c.1"), cell(a, "3.4.c.2")
a.merge_cells(f"{top.coordinate}:{below.coordinate}")
# A count nobody could have: 1e308 (times 100 as a percentage it would be Infinity).
cell(a, "1.1.3").value = 1e308
# A percentage typed as text with a dot: 5 % as a fraction, 0,05 %, or 50?
cell(a, "3.4.4").value = "0.050"
# openpyxl stores formulas without a result: one we can compute, one we cannot.
cell(b, "4.2.4").value = f"={cell(b, '4.2.3').coordinate}+1"
cell(b, "6.4").value = f"=SUM({cell(b, '6.3').coordinate}:{cell(b, '6.3').coordinate})"
# A figure taken from another agency's tab.
cell(b, "6.5").value = f"='{a.title}'!{cell(a, '6.5').coordinate}"
wb.save(sys.argv[2])
