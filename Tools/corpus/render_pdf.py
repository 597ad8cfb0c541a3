"""Draws a corpus report straight to PDF with reportlab (a second producer beside LibreOffice): ruled tables
whose labels wrap inside their column, numbers at the bottom/centre/top of tall rows, vertical group labels one
character per line spread over the rows they span, tables broken across pages with a running header and a page
footer, shaded header rows."""
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from model import AFTER
from placement import place

FONT = "WQY"
pdfmetrics.registerFont(TTFont(FONT, "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", subfontIndex=0))
WIDTH, HEIGHT = A4
LEFT, RIGHT, TOP, BOTTOM = 60, WIDTH - 60, HEIGHT - 70, 70
SIZE, LEADING, PAD = 8, 10.5, 3


def wrap(text, width, size=SIZE):
    """Breaks `text` into lines no wider than `width`, character by character as Chinese text wraps."""
    lines, current = [], ""
    for character in text:
        if current and pdfmetrics.stringWidth(current + character, FONT, size) > width:
            lines.append(current)
            current = ""
        current += character
    return lines + [current] if current else lines or [""]


class Pages:
    """The canvas with its page number, running header and footer."""

    def __init__(self, path, report):
        self.pdf = canvas.Canvas(path, pagesize=A4, invariant=1)
        self.report = report
        self.number = 1
        self.y = TOP
        self.decorate()

    def decorate(self):
        self.pdf.setFont(FONT, 8)
        if self.report.layout.running_header:
            self.pdf.drawCentredString(WIDTH / 2, HEIGHT - 45, "%s政府信息公开工作年度报告" % self.report.unit)
        self.pdf.drawCentredString(WIDTH / 2, 40, self.report.layout.footer.format(self.number))

    def next_page(self):
        self.pdf.showPage()
        self.number += 1
        self.y = TOP
        self.decorate()

    def paragraph(self, text, size=9.5):
        for line in wrap(text, RIGHT - LEFT, size):
            if self.y - 15 < BOTTOM:
                self.next_page()
            self.pdf.setFont(FONT, size)
            self.pdf.drawString(LEFT, self.y - size, line)
            self.y -= 15


def draw_table(pages, grid, layout):
    pdf = pages.pdf
    total = sum(grid.widths)
    xs = [LEFT]
    for width in grid.widths:
        xs.append(xs[-1] + (RIGHT - LEFT) * width / total)
    placed = place(grid)
    heights = [LEADING + 2 * PAD] * len(grid.rows)
    for (r, c), cell in placed:
        if cell.rows == 1 and not cell.vertical:
            lines = wrap(cell.text, xs[c + cell.cols] - xs[c] - 2 * PAD)
            heights[r] = max(heights[r], len(lines) * LEADING + 2 * PAD)
    # Rows are laid out first (page, top, bottom), then cells drawn, so spans can cross page breaks.
    frames = []
    number, y = pages.number, pages.y
    for height in heights:
        if y - height < BOTTOM:
            number, y = number + 1, TOP
        frames.append((number, y, y - height))
        y -= height
    by_page = {}
    for (r, c), cell in placed:
        for index in range(r, r + cell.rows):
            by_page.setdefault(frames[index][0], []).append(((r, c), cell, index))
    for page in sorted({frame[0] for frame in frames}):
        if page != pages.number:
            pages.next_page()
        for (r, c), cell, index in by_page[page]:
            _, top, bottom = frames[index]
            x0, x1 = xs[c], xs[c + cell.cols]
            if cell.header and layout.shaded_header and index == r:
                span_bottom = frames[r + cell.rows - 1][2] if frames[r + cell.rows - 1][0] == page else bottom
                pdf.setFillGray(0.85)
                pdf.rect(x0, span_bottom, x1 - x0, top - span_bottom, stroke=0, fill=1)
                pdf.setFillGray(0)
            pdf.setLineWidth(0.5)
            pdf.line(x0, top, x1, top) if index == r else None
            pdf.line(x0, bottom, x1, bottom) if index == r + cell.rows - 1 else None
            pdf.line(x0, top, x0, bottom)
            pdf.line(x1, top, x1, bottom)
            if index == r or (cell.vertical and frames[index - 1][0] != page):
                draw_text(pdf, cell, frames[r:r + cell.rows], page, x0, x1, layout)
    pages.y = y


def draw_text(pdf, cell, frames, page, x0, x1, layout):
    """Draws a cell's text; a spanning vertical label puts its characters evenly down all the rows it spans."""
    pdf.setFont(FONT, SIZE)
    if cell.vertical:
        count = len(cell.text)
        heights = [top - bottom for _, top, bottom in frames]
        total = sum(heights)
        step = total / (count + 1)
        for index, character in enumerate(cell.text):
            offset = step * (index + 1)
            for (frame_page, top, bottom), height in zip(frames, heights):
                if offset <= height:
                    if frame_page == page:
                        pdf.drawCentredString((x0 + x1) / 2, top - offset - SIZE / 3, character)
                    break
                offset -= height
        return
    _, top, _ = frames[0]
    bottom = frames[-1][2] if frames[-1][0] == page else frames[0][2]
    lines = wrap(cell.text, x1 - x0 - 2 * PAD)
    block = len(lines) * LEADING
    align = layout.number_align if cell.number else "center"
    if align == "top":
        y = top - PAD - SIZE
    elif align == "bottom":
        y = bottom + PAD + block - SIZE
    else:
        y = (top + bottom) / 2 + block / 2 - SIZE
    for line in lines:
        pdf.drawCentredString((x0 + x1) / 2, y, line)
        y -= LEADING



def write(report, path):
    pages = Pages(path, report)
    for text in report.paragraphs_before:
        pages.paragraph(text)
    for heading, grid in report.tables:
        pages.paragraph(heading)
        draw_table(pages, grid, report.layout)
        pages.y -= 10
    for text in AFTER + [report.unit]:
        pages.paragraph(text)
    pages.pdf.showPage()
    pages.pdf.save()
