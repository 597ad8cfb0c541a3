#!/usr/bin/env python3
"""Writes the measurement corpus into Tests/ExtractionTests/Corpus: each report of model.reports() as DOCX,
HTML, a PDF converted from the DOCX by LibreOffice (NAME.lo.pdf) and a PDF drawn by reportlab (NAME.rl.pdf), with
NAME.truth.json holding every printed table cell (code -> value), the format and the year; and old-format
township reports stated in prose only, as NAME.txt with the figures their sentences state.

Needs python-docx, reportlab, fonts-wqy-microhei and LibreOffice (`soffice`). The outputs are committed; the
tests only read them.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import model  # noqa: E402
import render_docx  # noqa: E402
import render_html  # noqa: E402
import render_pdf  # noqa: E402

OUT = os.path.join(model.ROOT, "Tests", "ExtractionTests", "Corpus")


def main():
    os.makedirs(OUT, exist_ok=True)
    reports = model.reports()
    with tempfile.TemporaryDirectory() as scratch:
        for report in reports:
            base = os.path.join(OUT, report.name)
            render_docx.write(report, base + ".docx")
            render_html.write(report, base + ".html")
            render_pdf.write(report, base + ".rl.pdf")
            with open(base + ".truth.json", "w", encoding="utf-8") as handle:
                json.dump({"format": report.fmt, "year": report.year, "unit": report.unit, "cells": report.truth},
                          handle, ensure_ascii=False, indent=1, sort_keys=True)
                handle.write("\n")
            shutil.copy(base + ".docx", os.path.join(scratch, report.name + ".lo.docx"))
        for name, year, unit, text, truth in model.prose_reports():
            base = os.path.join(OUT, name)
            with open(base + ".txt", "w", encoding="utf-8") as handle:
                handle.write(text)
            with open(base + ".truth.json", "w", encoding="utf-8") as handle:
                json.dump({"format": "old", "year": year, "unit": unit, "cells": truth}, handle, ensure_ascii=False,
                          indent=1, sort_keys=True)
                handle.write("\n")
        profile = "-env:UserInstallation=file://%s/profile" % scratch
        documents = sorted(os.path.join(scratch, name) for name in os.listdir(scratch) if name.endswith(".docx"))
        subprocess.run(["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", OUT] + documents,
                       check=True, stdout=subprocess.DEVNULL)
    print("%d reports written to %s" % (len(reports), OUT))


if __name__ == "__main__":
    main()
