"""Edits a row of a workbook's sheet as an office would in Excel, and saves it with openpyxl.

Usage: xlsx_edit.py FILE.xlsx SHEET KEY_COLUMN KEY COLUMN=VALUE...
The header row is the first row holding KEY_COLUMN; the row edited is the one whose KEY_COLUMN cell is KEY.
"""
import sys

import openpyxl


def main():
    path, sheet_name, key_column, key = sys.argv[1:5]
    book = openpyxl.load_workbook(path)
    sheet = book[sheet_name]
    rows = list(sheet.iter_rows())
    header_index = next(i for i, row in enumerate(rows) if any(c.value == key_column for c in row))
    header = [c.value for c in rows[header_index]]
    for row in rows[header_index + 1:]:
        if row[header.index(key_column)].value == key:
            for assignment in sys.argv[5:]:
                column, value = assignment.split("=", 1)
                row[header.index(column)].value = value
            break
    else:
        sys.exit("no row with %s = %s" % (key_column, key))
    book.save(path)


main()
