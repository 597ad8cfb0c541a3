"""Writes a corpus report as a web page: the same tables with rowspan and colspan."""
import html

from model import AFTER


def write(report, path):
    parts = ["<!DOCTYPE html><html><head><meta charset=utf-8><title>%s</title></head><body><div class=content>"
             % html.escape(report.paragraphs_before[0])]
    parts += ["<p>%s</p>" % html.escape(text) for text in report.paragraphs_before]
    for heading, grid in report.tables:
        parts.append("<p>%s</p><table border=1 cellspacing=0>" % heading)
        for row in grid.rows:
            cells = []
            for cell in row:
                spans = (" rowspan=%d" % cell.rows if cell.rows > 1 else "") + (" colspan=%d" % cell.cols if cell.cols > 1 else "")
                style = " style='background:#d9d9d9'" if cell.header and report.layout.shaded_header else ""
                cells.append("<td%s%s>%s</td>" % (spans, style, html.escape(cell.text)))
            parts.append("<tr>%s</tr>" % "".join(cells))
        parts.append("</table>")
    parts += ["<p>%s</p>" % html.escape(text) for text in AFTER + [report.unit]]
    parts.append("</div></body></html>")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(parts))
