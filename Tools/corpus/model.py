"""The corpus's reports as data: which figures a report prints, and its tables as grids of spanning cells.

A report is built once from a seed and a layout; every renderer (DOCX, HTML, reportlab PDF) draws the same
tables, so the truth of each file is the dictionary of printed cells built here.
"""
import importlib.util
import os
import random
from dataclasses import dataclass, field

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
_spec = importlib.util.spec_from_file_location(
    "make_fixtures", os.path.join(ROOT, "Tests", "ExtractionTests", "Fixtures", "make_fixtures.py"))
fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fixtures)

COLUMNS = fixtures.COLUMNS
HEADERS = fixtures.HEADERS
T4_CODES = fixtures.T4_CODES
T4_HEADERS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


@dataclass
class Cell:
    """One printed cell; `rows`/`cols` are its spans, `vertical` prints it one character per line."""
    text: str
    rows: int = 1
    cols: int = 1
    header: bool = False
    vertical: bool = False
    number: bool = False


@dataclass
class Grid:
    """A table: rows of cells placed as HTML places them, and relative column widths."""
    widths: list
    rows: list = field(default_factory=list)


@dataclass
class Layout:
    """How a report is printed (the quirks of real layouts)."""
    label_width: float      # share of the page for table 三's label columns (narrow wraps labels to 2–3 lines)
    vertical_groups: bool   # group labels (三、本年度办理结果, （三）不予公开…) printed one character per line
    number_align: str       # "bottom", "center" or "top": where numbers sit in a tall row
    shaded_header: bool
    narrow_header: bool     # data columns so narrow that 社会公益组织 wraps over lines
    blank_zeros: bool       # zero cells of table 三 left blank (read as 0)
    footer: str             # page footer pattern, "-{}-" or "— {} —"
    running_header: bool
    misprints: bool         # labels with a wrong, dropped or doubled character, or stray spaces


@dataclass
class Report:
    name: str
    fmt: str
    year: int
    unit: str
    layout: Layout
    truth: dict
    paragraphs_before: list
    tables: list            # (heading paragraph, Grid)


def table2_2021(rng):
    norm_valid = rng.randint(5, 60)
    values = {"t2.reg.made": 0, "t2.reg.repealed": 0, "t2.reg.valid": 0, "t2.norm.made": rng.randint(0, 12),
              "t2.norm.repealed": rng.randint(0, 5), "t2.norm.valid": norm_valid,
              "t2.license.decisions": rng.randint(0, 400), "t2.penalty.decisions": rng.randint(0, 90),
              "t2.coercion.decisions": rng.randint(0, 6), "t2.fee.amount_wan": 0}
    grid = Grid([3, 2, 2, 2])
    section = lambda text: grid.rows.append([Cell(text, cols=4, header=True)])
    section("第二十条第（一）项")
    grid.rows.append([Cell("信息内容", header=True), Cell("本年制发件数", header=True), Cell("本年废止件数", header=True),
                      Cell("现行有效件数", header=True)])
    for key, label in [("reg", "规章"), ("norm", "行政规范性文件")]:
        grid.rows.append([Cell(label)] + [Cell(str(values["t2.%s.%s" % (key, c)]), number=True)
                                          for c in ["made", "repealed", "valid"]])
    for item, rows, column in [("（五）", [("license", "行政许可")], "本年处理决定数量"),
                               ("（六）", [("penalty", "行政处罚"), ("coercion", "行政强制")], "本年处理决定数量"),
                               ("（八）", [("fee", "行政事业性收费")], "本年收费金额（单位：万元）")]:
        section("第二十条第%s项" % item)
        grid.rows.append([Cell("信息内容", header=True), Cell(column, cols=3, header=True)])
        for key, label in rows:
            code = "t2.%s.%s" % (key, "amount_wan" if key == "fee" else "decisions")
            grid.rows.append([Cell(label), Cell(str(values[code]), cols=3, number=True)])
    return values, grid


def table2_2019(rng):
    values = {"t2v19.reg.new_made": 0, "t2v19.reg.new_published": 0, "t2v19.reg.total_published": 0}
    made = rng.randint(0, 8)
    values.update({"t2v19.norm.new_made": made, "t2v19.norm.new_published": made,
                   "t2v19.norm.total_published": made + rng.randint(0, 40)})
    for key in ["license", "other_service", "penalty", "coercion"]:
        values["t2v19.%s.prev_items" % key] = rng.randint(0, 150)
        values["t2v19.%s.change" % key] = rng.choice([0, 0, 1, 2, -1])
        values["t2v19.%s.decisions" % key] = rng.randint(0, 300)
    values.update({"t2v19.fee.prev_items": rng.randint(0, 3), "t2v19.fee.change": 0,
                   "t2v19.procurement.items": rng.randint(0, 9), "t2v19.procurement.amount_wan": rng.randint(0, 90)})
    grid = Grid([3, 2, 2, 2])
    section = lambda text: grid.rows.append([Cell(text, cols=4, header=True)])
    section("第二十条第（一）项")
    grid.rows.append([Cell(h, header=True) for h in ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"]])
    for key, label in [("reg", "规章"), ("norm", "规范性文件")]:
        grid.rows.append([Cell(label)] + [Cell(str(values["t2v19.%s.%s" % (key, c)]), number=True)
                                          for c in ["new_made", "new_published", "total_published"]])
    for item, rows in [("（五）", [("license", "行政许可"), ("other_service", "其他对外管理服务事项")]),
                       ("（六）", [("penalty", "行政处罚"), ("coercion", "行政强制")])]:
        section("第二十条第%s项" % item)
        grid.rows.append([Cell(h, header=True) for h in ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]])
        for key, label in rows:
            grid.rows.append([Cell(label)] + [Cell(str(values["t2v19.%s.%s" % (key, c)]), number=True)
                                              for c in ["prev_items", "change", "decisions"]])
    section("第二十条第（八）项")
    grid.rows.append([Cell("信息内容", header=True), Cell("上一年项目数量", header=True), Cell("本年增/减", cols=2, header=True)])
    grid.rows.append([Cell("行政事业性收费"), Cell(str(values["t2v19.fee.prev_items"]), number=True),
                      Cell(str(values["t2v19.fee.change"]), cols=2, number=True)])
    section("第二十条第（九）项")
    grid.rows.append([Cell("信息内容", header=True), Cell("采购项目数量", header=True),
                      Cell("采购总金额（万元）", cols=2, header=True)])
    grid.rows.append([Cell("政府集中采购"), Cell(str(values["t2v19.procurement.items"]), number=True),
                      Cell(str(values["t2v19.procurement.amount_wan"]), cols=2, number=True)])
    return values, grid


MISPRINTS = {"5.属于三类内部事务信息": "5.属于三类内部事物信息", "3.补正后申请内容仍不明确": "3.补正后申请内容仍不明",
             "2.重复申请": "2.重复复申请", "一、本年新收政府信息公开申请数量": "一、本年新收 政府信息公开申请数量",
             "商业企业": "商 业 企 业"}


def table3(fmt, seed, layout):
    values = fixtures.table3_values(fmt, seed)
    printed = (lambda text: MISPRINTS.get(text, text)) if layout.misprints else (lambda text: text)
    rows = [(group, printed(label), key) for group, label, key in fixtures.table3_rows(fmt)]
    label = layout.label_width
    data = 1.0 if layout.narrow_header else 1.5
    grid = Grid([label * 0.25, label * 0.25, label * 0.5] + [data] * 7)
    grid.rows.append([Cell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rows=3, cols=3, header=True),
                      Cell("申请人情况", cols=7, header=True)])
    grid.rows.append([Cell("自然人", rows=2, header=True), Cell("法人或其他组织", cols=5, header=True),
                      Cell("总计", rows=2, header=True)])
    grid.rows.append([Cell(printed(h), header=True) for h in HEADERS[1:6]])
    result_rows = [r for r in rows if r[0] is not None]
    seen = set()
    for group, text, key in rows:
        cells = []
        if group is None:
            cells.append(Cell(text, cols=3))
        else:
            if not seen:
                cells.append(Cell("三、本年度办理结果", rows=len(result_rows), vertical=layout.vertical_groups))
                seen.add("三")
            if group == "三、本年度办理结果":
                cells.append(Cell(text, cols=2))
            else:
                if group not in seen:
                    span = len([r for r in result_rows if r[0] == group])
                    cells.append(Cell(group, rows=span, vertical=layout.vertical_groups))
                    seen.add(group)
                cells.append(Cell(text))
        for column in COLUMNS:
            value = values["t3.%s.%s" % (column, key)]
            shown = "" if layout.blank_zeros and value == 0 and column != "total" else str(value)
            cells.append(Cell(shown, number=True))
        grid.rows.append(cells)
    return values, grid


def table4(seed):
    values = fixtures.table4_values(seed)
    grid = Grid([1] * 15)
    grid.rows.append([Cell("行政复议", rows=2, cols=5, header=True), Cell("行政诉讼", cols=10, header=True)])
    grid.rows.append([Cell("未经复议直接起诉", cols=5, header=True), Cell("复议后起诉", cols=5, header=True)])
    grid.rows.append([Cell(h, header=True) for h in T4_HEADERS * 3])
    grid.rows.append([Cell(str(values[c]), number=True) for c in T4_CODES])
    return values, grid


UNITS = ["示例街道办事处", "示例镇人民政府", "示例县市场监督管理局", "示例区教育局", "示例乡人民政府", "示例市自然资源局"]


def layouts():
    """Every layout the corpus prints: each quirk appears in several reports, in different combinations."""
    out = []
    for index in range(12):
        out.append(Layout(label_width=[3.2, 5.0, 4.0][index % 3], vertical_groups=index % 2 == 0,
                          number_align=["bottom", "center", "top", "bottom"][index % 4],
                          shaded_header=index % 3 != 1, narrow_header=index % 4 in (0, 3),
                          blank_zeros=index % 5 == 2, footer=["-{}-", "— {} —"][index % 2],
                          running_header=index % 3 == 0, misprints=index % 4 == 1))
    return out


def reports():
    out = []
    for index, layout in enumerate(layouts()):
        seed = 100 + index * 7
        rng = random.Random(seed)
        fmt = "2021" if index % 3 != 2 else "2019"
        year = (2021 + index % 4) if fmt == "2021" else 2019 + index % 2
        unit = UNITS[index % len(UNITS)]
        t2, grid2 = (table2_2021 if fmt == "2021" else table2_2019)(rng)
        t3, grid3 = table3(fmt, seed, layout)
        t4, grid4 = table4(seed + 1)
        truth = dict(t2, **t3, **t4)
        proactive = rng.randint(40, 900)
        name = "r%02d-%s-%d" % (index + 1, fmt, year)
        before = ["%s%d年政府信息公开工作年度报告" % (unit, year), "（示例数据）",
                  "本报告依据《中华人民共和国政府信息公开条例》编制。", "一、总体情况",
                  "%d年，本机关主动公开政府信息%d条，全年共收到政府信息公开申请%d件。" % (year, proactive, t3["t3.total.new_received"])]
        tables = [("二、主动公开政府信息情况", grid2), ("三、收到和处理政府信息公开申请情况", grid3),
                  ("四、政府信息公开行政复议、行政诉讼情况", grid4)]
        out.append(Report(name, fmt, year, unit, layout, truth, before, tables))
    return out


AFTER = ["五、存在的主要问题及改进情况", "一是公开内容的针对性有待加强；二是政策解读的形式还不够丰富。",
         "六、其他需要报告的事项", "本年度未收取信息处理费。"]


def prose_reports():
    """Old-format township reports with no table: every figure in a sentence, zeros in words, the year's total
    told apart from a category count in brackets. (name, text, truth)."""
    out = []
    for index in range(4):
        rng = random.Random(500 + index)
        year = 2013 + index
        unit = UNITS[(index + 1) % len(UNITS)]
        web, board, norm = rng.randint(60, 400), rng.randint(20, 150), rng.randint(1, 30)
        total, hot = web + board + rng.randint(0, 40), rng.randint(1, 9)
        applications = [0, 3, 0, 7][index]
        apply = ("本年度未收到政府信息公开申请。" if applications == 0
                 else "全年共受理政府信息公开申请%d件，均已按时答复。" % applications)
        text = "\n".join([
            "%s%d年政府信息公开工作年度报告" % (unit, year), "（示例数据）", "一、概述",
            "%d年，本机关认真贯彻《中华人民共和国政府信息公开条例》，全年共公开政府信息%d条（其中规范性文件%d条），"
            "其中在政府网站公开信息%d条，在实体公开栏公开%d条。" % (year, total, norm, web, board),
            "二、主动公开政府信息情况", "围绕群众关心的重点领域做好公开，回应公众关注热点%d次。" % hot,
            "三、依申请公开政府信息情况", apply, "四、政府信息公开的收费及减免情况", "本年度未收取任何费用。",
            "五、因政府信息公开申请行政复议、提起行政诉讼的情况", "本年度未发生因政府信息公开申请行政复议和行政诉讼的情况。",
            unit, "%d年3月20日" % (year + 1), ""])
        truth = {"s1.proactive_items": total, "old.proactive.total": total, "old.channel.website": web,
                 "old.channel.noticeboard": board, "old.response.hotspots": hot, "s1.applications": applications,
                 "old.apply.received": applications, "old.review.total": 0, "old.litigation.total": 0,
                 "s6.processing_fee_yuan": 0}
        out.append(("p%02d-old-%d" % (index + 1, year), year, unit, text, truth))
    return out
