"""Prints an .xlsx workbook as JSON, read by openpyxl: every sheet's cells with their types and its view and print setup.

Usage: xlsx_dump.py FILE.xlsx
"""
import json
import sys

import openpyxl


def cell(value):
    if value is None:
        return None
    if isinstance(value, bool):
        return {"t": "b", "v": value}
    if isinstance(value, (int, float)):
        return {"t": "n", "v": value}
    return {"t": "s", "v": str(value)}


def main():
    book = openpyxl.load_workbook(sys.argv[1])
    out = {"sheets": book.sheetnames, "data": {}}
    for sheet in book.worksheets:
        out["data"][sheet.title] = {
            "rows": [[cell(c.value) for c in row] for row in sheet.iter_rows()],
            "freeze": sheet.freeze_panes,
            "orientation": sheet.page_setup.orientation,
            "paper": int(sheet.page_setup.paperSize) if sheet.page_setup.paperSize is not None else None,
            "titleRows": sheet.print_title_rows,
            "autofilter": sheet.auto_filter.ref,
            "widths": {key: dim.width for key, dim in sheet.column_dimensions.items()},
            "merged": [str(r) for r in sheet.merged_cells.ranges],
            "validations": [{"range": str(v.sqref), "type": v.type, "formula": v.formula1}
                            for v in sheet.data_validations.dataValidation],
        }
    json.dump(out, sys.stdout, ensure_ascii=False)


main()
