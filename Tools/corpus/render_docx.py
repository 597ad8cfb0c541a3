"""Writes a corpus report as a Word document (python-docx): merged cells, vertical group labels one character per
line, shaded header rows, numbers set at the bottom/centre/top of tall rows, a `-N-` page footer field."""
from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from model import AFTER
from placement import place

ALIGN = {"bottom": WD_CELL_VERTICAL_ALIGNMENT.BOTTOM, "center": WD_CELL_VERTICAL_ALIGNMENT.CENTER,
         "top": WD_CELL_VERTICAL_ALIGNMENT.TOP}
TEXT_WIDTH_MM = 160


def shade(cell):
    properties = cell._tc.get_or_add_tcPr()
    fill = OxmlElement("w:shd")
    fill.set(qn("w:val"), "clear")
    fill.set(qn("w:color"), "auto")
    fill.set(qn("w:fill"), "D9D9D9")
    properties.append(fill)


def page_field(paragraph, pattern):
    before, after = pattern.split("{}")
    paragraph.add_run(before)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)
    paragraph.add_run(after)


def set_text(cell, text, vertical, size):
    cell.text = ""
    lines = list(text) if vertical else [text]
    first = cell.paragraphs[0]
    for index, line in enumerate(lines):
        paragraph = first if index == 0 else cell.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(line)
        run.font.size = Pt(size)
        run.font.name = "WenQuanYi Micro Hei"
        run._element.rPr.rFonts.set(qn("w:eastAsia"), "WenQuanYi Micro Hei")


def write(report, path):
    layout = report.layout
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Mm(297), Mm(210)
    section.left_margin = section.right_margin = Mm(25)
    page_field(section.footer.paragraphs[0], layout.footer)
    section.footer.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    if layout.running_header:
        section.header.paragraphs[0].text = "%s政府信息公开工作年度报告" % report.unit
    for text in report.paragraphs_before:
        document.add_paragraph(text)
    for heading, grid in report.tables:
        document.add_paragraph(heading)
        placed = place(grid)
        height = len(grid.rows)
        table = document.add_table(rows=height, cols=len(grid.widths))
        table.style = "Table Grid"
        table.autofit = False
        total = sum(grid.widths)
        widths = [Mm(TEXT_WIDTH_MM * w / total) for w in grid.widths]
        for index, column in enumerate(table.columns):
            column.width = widths[index]
        for row in table.rows:
            for index, cell in enumerate(row.cells):
                cell.width = widths[index]
        for (r, c), cell in placed:
            target = table.cell(r, c)
            if cell.rows > 1 or cell.cols > 1:
                target = target.merge(table.cell(r + cell.rows - 1, c + cell.cols - 1))
            set_text(target, cell.text, cell.vertical, 8 if cell.number or cell.header else 8.5)
            target.vertical_alignment = ALIGN[layout.number_align] if cell.number else WD_CELL_VERTICAL_ALIGNMENT.CENTER
            if cell.header and layout.shaded_header:
                shade(target)
    for text in AFTER + [report.unit]:
        document.add_paragraph(text)
    document.core_properties.created = __import__("datetime").datetime(report.year + 1, 1, 20)
    document.save(path)
