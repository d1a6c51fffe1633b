"""Step 2 of scripts/make-collect-fixtures.sh: types each job's values into its split file with
openpyxl, as an agency's own script or a user of another tool would, and saves it."""
import datetime
import json
import sys

import openpyxl

jobs = json.load(open(sys.argv[1], encoding="utf-8"))
for job in jobs:
    wb = openpyxl.load_workbook(job["blank"])
    ws = wb[job["sheet"]]
    for ref, value in job["cells"].items():
        if isinstance(value, dict) and "date" in value:
            y, m, d = map(int, value["date"].split("-"))
            ws[ref] = datetime.datetime(y, m, d)
            ws[ref].number_format = "dd/mm/yyyy"
        else:
            ws[ref] = value
    wb.save(job["out"])
    print("filled", job["out"])
