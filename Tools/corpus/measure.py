#!/usr/bin/env python3
"""Measures nianbao on the corpus: runs `nianbao extract --format json` on every file of
Tests/ExtractionTests/Corpus and compares each printed cell with NAME.truth.json.

A cell is right (read, equal), missing (not read) or wrong. A wrong value counts as caught when an audit rule
covering its cell fails or is uncertain (table 三: the column's balance/results rules or the row's rule; table
四: its block's sum; any other figure of a scan: ocr.unchecked), and as passed silently otherwise. Prints one line per medium and producer, and the
silently passed cells.

Usage: measure.py PATH-TO-nianbao [--files] [--config CONFIG]   (OCR of scans needs a config whose reading
limits allow it: memory_mb 2048 or more, cpu_s and timeout_s of some minutes)
"""
import json
import os
import subprocess
import sys
import time
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "Tests", "ExtractionTests", "Corpus")
MEDIA = [(".html", "HTML"), (".docx", "DOCX"), (".lo.pdf", "PDF · LibreOffice"), (".rl.pdf", "PDF · reportlab"),
         (".txt", "text · prose only (old format)"), (".300.scan.pdf", "scan · 300 dpi"),
         (".200.scan.pdf", "scan · 200 dpi"), (".200.scan.tif", "scan · 200 dpi, TIFF image"),
         (".200.scan.docx", "scan · 200 dpi, DOCX of page pictures"),
         (".150.scan.pdf", "scan · 150 dpi, turned 1.5°, noise, JPEG 60")]


def covering_rules(code):
    parts = code.split(".")
    if parts[0] == "t3":
        column, row = parts[1], ".".join(parts[2:])
        return {"t3.balance." + column, "t3.results." + column, "t3.row." + row, "cells.nonnegative_integers"}
    if parts[0] == "t4":
        return {"t4.%s.sum" % parts[1], "cells.nonnegative_integers"}
    return {"ocr.unchecked"}  # scans: every figure outside tables 三 and 四 is listed by it


def medium_of(name):
    for suffix, medium in sorted(MEDIA, key=lambda entry: -len(entry[0])):
        if name.endswith(suffix):
            return name[: -len(suffix)], medium
    return None, None


def main():
    binary = sys.argv[1]
    per_file = "--files" in sys.argv
    config = ["--config", sys.argv[sys.argv.index("--config") + 1]] if "--config" in sys.argv else []
    totals = defaultdict(lambda: defaultdict(int))
    silent = []
    for name in sorted(os.listdir(CORPUS)):
        base, medium = medium_of(name)
        if medium is None:
            continue
        with open(os.path.join(CORPUS, base + ".truth.json"), encoding="utf-8") as handle:
            truth = json.load(handle)
        started = time.monotonic()
        run = subprocess.run([binary, "extract", os.path.join(CORPUS, name), "--format", "json"] + config,
                             capture_output=True, text=True)
        seconds = time.monotonic() - started
        try:
            output = json.loads(run.stdout)
            output = output[0] if isinstance(output, list) else output
        except ValueError:
            output = {}
        figures = output.get("figures") or {}
        flagged = {a["rule"] for a in output.get("audit", []) if a["status"] in ("fail", "uncertain")}
        counts = totals[medium]
        counts["files"] += 1
        counts["seconds"] += seconds
        right = 0
        for code, value in truth["cells"].items():
            counts["cells"] += 1
            read = figures.get(code)
            if read is None:
                counts["missing"] += 1
            elif abs(read - value) < 1e-9:
                counts["right"] += 1
                right += 1
            elif covering_rules(code) & flagged:
                counts["caught"] += 1
            else:
                counts["silent"] += 1
                silent.append("%s %s: read %s, printed %s" % (name, code, read, value))
        if per_file:
            print("%-26s %4d/%4d %s" % (name, right, len(truth["cells"]), output.get("error", "")))
    print("| medium | files | cells | right | missing | wrong, caught | wrong, passed silently | s per file |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for _, medium in MEDIA:
        c = totals[medium]
        if not c["files"]:
            continue
        print("| %s | %d | %d | %.1f %% | %d | %d | %d | %.2f |" % (
            medium, c["files"], c["cells"], 100.0 * c["right"] / c["cells"], c["missing"], c["caught"], c["silent"],
            c["seconds"] / c["files"]))
    for line in silent:
        print("silent:", line)


if __name__ == "__main__":
    main()
