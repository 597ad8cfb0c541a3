#!/usr/bin/env python3
"""Writes nianbao's extraction fixtures and, beside each, the figures it prints (FILE.expected.json).

Each fixture shows quirks of real copies (docs/formats.md §5). The values are chosen here, independently of the
extractor, so the tests compare what nianbao reads with what the fixture prints. Needs python-docx, reportlab and
fonts-wqy-microhei to regenerate; the outputs are committed, so the tests need none of them.
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
COLUMNS = ["natural", "commercial", "research", "social", "legal", "other_org", "total"]
HEADERS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
DENIED = ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
          "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"]
DENIED_KEYS = ["state_secret", "law_prohibited", "safety_stability", "third_party", "internal_affairs",
               "process_info", "enforcement_file", "admin_query"]
UNABLE = ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]
UNABLE_KEYS = ["not_held", "need_create", "unclear"]
REJECTED = ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
            "5.要求行政机关确认或重新出具已获取信息"]
REJECTED_KEYS = ["petition", "repeat", "publication", "mass_repeat", "confirm"]
OTHER_2021 = ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
              "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"]
OTHER_KEYS = ["no_correction", "unpaid_fee", "misc"]


def table3_rows(fmt):
    """(group, label, row key) in printed order."""
    rows = [(None, "一、本年新收政府信息公开申请数量", "new_received"), (None, "二、上年结转政府信息公开申请数量", "carried_over"),
            ("三、本年度办理结果", "（一）予以公开", "result.granted"),
            ("三、本年度办理结果", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "result.partial")]
    rows += [("（三）不予公开", l, "result.denied." + k) for l, k in zip(DENIED, DENIED_KEYS)]
    rows += [("（四）无法提供", l, "result.unable." + k) for l, k in zip(UNABLE, UNABLE_KEYS)]
    rows += [("（五）不予处理", l, "result.rejected." + k) for l, k in zip(REJECTED, REJECTED_KEYS)]
    if fmt == "2021":
        rows += [("（六）其他处理", l, "result.other." + k) for l, k in zip(OTHER_2021, OTHER_KEYS)]
    else:
        rows += [("三、本年度办理结果", "（六）其他处理", "result.other")]
    rows += [("三、本年度办理结果", "（七）总计", "result.total"), (None, "四、结转下年度继续办理", "carried_forward")]
    return rows


def table3_values(fmt, seed):
    """A consistent table 三: code -> value."""
    rng = random.Random(seed)
    rows = table3_rows(fmt)
    parts = [key for _, _, key in rows if key.startswith("result.") and key != "result.total"]
    values = {}
    for column in COLUMNS[:-1]:
        new = rng.randint(0, 25) if column == "natural" else rng.choice([0, 0, 1, 2])
        carried = rng.choice([0, 0, 1])
        forward = rng.choice([0, 0, 1]) if new + carried else 0
        handled = new + carried - forward
        counts = dict.fromkeys(parts, 0)
        for _ in range(handled):
            counts[rng.choice(parts[:6] + ["result.granted"] * 4)] += 1
        cells = dict(counts, new_received=new, carried_over=carried, carried_forward=forward)
        cells["result.total"] = handled
        for key, value in cells.items():
            values["t3.%s.%s" % (column, key)] = value
    for _, _, key in rows:
        values["t3.total." + key] = sum(values["t3.%s.%s" % (c, key)] for c in COLUMNS[:-1])
    return values


T4_CODES = ["t4.%s.%s" % (b, c) for b in ["review", "lit_direct", "lit_after_review"]
            for c in ["upheld", "corrected", "other", "pending", "total"]]


def table4_values(seed):
    rng = random.Random(seed)
    values = {}
    for block in ["review", "lit_direct", "lit_after_review"]:
        parts = [rng.choice([0, 0, 1, 2]) for _ in range(4)]
        for name, value in zip(["upheld", "corrected", "other", "pending"], parts):
            values["t4.%s.%s" % (block, name)] = value
        values["t4.%s.total" % block] = sum(parts)
    return values


def write(name, data, expected):
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(os.path.join(HERE, name), mode, **({} if mode == "wb" else {"encoding": "utf-8"})) as handle:
        handle.write(data)
    with open(os.path.join(HERE, name + ".expected.json"), "w", encoding="utf-8") as handle:
        json.dump(expected, handle, ensure_ascii=False, indent=1, sort_keys=True)
        handle.write("\n")


def n(value):
    return "%g" % value if isinstance(value, float) else str(value)


# --- HTML ------------------------------------------------------------------------------------------------------

def word_cell(text, split=False):
    """A Word-pasted cell: <p><span><font>…, labels and digits split across spans, blanks as &nbsp;<o:p>."""
    if text == "":
        return "<td valign=top><p class=MsoNormal><span lang=EN-US>&nbsp;<o:p>&nbsp;</o:p></span></p></td>"
    if split and len(text) > 1:
        middle = len(text) // 2
        text = "%s</span><span style='font-family:宋体'>%s" % (text[:middle], text[middle:])
    return "<td valign=top><p class=MsoNormal><span lang=EN-US style='font-size:10.5pt'><font face=宋体>%s</font><o:p></o:p></span></p></td>" % text


def html_table3(fmt, values, cell=lambda text, index: "<td>%s</td>" % text, label_span=3, blank_zero=False):
    rows = table3_rows(fmt)
    out = ["<table border=1 cellspacing=0>",
           "<tr><td colspan=%d rowspan=3>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan=7>申请人情况</td></tr>" % label_span,
           "<tr><td rowspan=2>%s</td><td colspan=5>法人或其他组织</td><td rowspan=2>总计</td></tr>" % cell("自然人", 0)[4:-5],
           "<tr>" + "".join("<td>%s</td>" % h for h in HEADERS[1:6]) + "</tr>"]
    result_rows = [r for r in rows if r[0] is not None]
    seen_groups = set()
    for index, (group, label, key) in enumerate(rows):
        cells = []
        for column in COLUMNS:
            value = values["t3.%s.%s" % (column, key)]
            text = "" if (blank_zero and value == 0 and column != "total") else n(value)
            cells.append(cell(text, index))
        if group is None:
            head = "<td colspan=%d>%s</td>" % (label_span, label)
        else:
            head = ""
            if not seen_groups:
                head += "<td rowspan=%d>三、本年度办理结果</td>" % len(result_rows)
                seen_groups.add("三")
            if group == "三、本年度办理结果":
                head += "<td colspan=%d>%s</td>" % (label_span - 1, label)
            else:
                if group not in seen_groups:
                    span = len([r for r in result_rows if r[0] == group])
                    head += "<td rowspan=%d>%s</td>" % (span, group)
                    seen_groups.add(group)
                head += "<td>%s</td>" % label
        out.append("<tr>%s%s</tr>" % (head, "".join(cells)))
    out.append("</table>")
    return "\n".join(out)


def html_table4(values, cell=lambda text: "<td>%s</td>" % text):
    headers = "".join("<td>%s</td>" % h for h in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]) * 3
    return ("<table border=1><tr><td colspan=5 rowspan=2>行政复议</td><td colspan=10>行政诉讼</td></tr>"
            "<tr><td colspan=5>未经复议直接起诉</td><td colspan=5>复议后起诉</td></tr><tr>%s</tr><tr>%s</tr></table>"
            % (headers, "".join(cell(n(values[c])) for c in T4_CODES)))


def page(title, body, charset="utf-8", meta_table=True):
    meta = ("<table class=xxgk><tr><td>索引号：</td><td>11350582/2024-00012</td><td>分类：</td><td>年度报告</td></tr>"
            "<tr><td>发布机构：</td><td>示例街道办事处</td><td>公开日期：</td><td>2024-01-26</td></tr>"
            "<tr><td>名称：</td><td colspan=3>%s</td></tr></table>" % title) if meta_table else ""
    return ("<!DOCTYPE html><html><head><meta http-equiv=Content-Type content=\"text/html; charset=%s\">"
            "<title>%s</title></head><body><div class=header><a href=/>首页</a> <a href=/zwgk/>政务公开</a></div>%s"
            "<div class=content>%s</div><div class=footer>网站标识码 3505820001</div></body></html>"
            % (charset, title, meta, body))


def word_pasted_2021():
    title = "示例街道办事处2023年政府信息公开工作年度报告"
    t3 = table3_values("2021", 1)
    t4 = table4_values(2)
    digits = str.maketrans("0123456789", "０１２３４５６７８９")
    def t3cell(text, index):
        if index % 5 == 2 and text:
            text = text.translate(digits)  # full-width digits
        return word_cell(text, split=index % 3 == 0)
    body = """
    <p class=MsoNormal align=center><b><span>%s</span></b></p>
    <p class=MsoNormal>（示例数据）一、总体情况</p>
    <p class=MsoNormal><span>2023年，本街道主动公开政府信息</span><span>215</span><span>条。全年共受理政府信息公开申请%d件（含上年结转%d件）。</span></p>
    <p class=MsoNormal>二、主动公开政府信息情况</p>
    <table border=1>
    <tr><td colspan=4>第二十条第（一）项</td></tr>
    <tr>%s%s%s%s</tr>
    <tr>%s%s%s%s</tr>
    <tr>%s%s%s%s</tr>
    <tr><td colspan=4>第二十条第（五）项</td></tr>
    <tr><td>信息内容</td><td colspan=3>本年处理决定数量</td></tr>
    <tr>%s<td colspan=3>131</td></tr>
    <tr><td colspan=4>第二十条第（六）项</td></tr>
    <tr><td>信息内容</td><td colspan=3>本年处理决定数量</td></tr>
    <tr><td>行政处罚</td><td colspan=3>2</span><span>4</td></tr>
    <tr><td>行政强制</td><td colspan=3>—</td></tr>
    <tr><td colspan=4>第二十条第（八）项</td></tr>
    <tr><td>信息内容</td><td colspan=3>本年收费金额（单位：万元）</td></tr>
    <tr><td>行政事业性收费</td><td colspan=3>1.25</td></tr>
    </table>
    <p class=MsoNormal>三、收到和处理政府信息公开申请情况</p>
    %s
    <p class=MsoNormal>四、政府信息公开行政复议、行政诉讼情况</p>
    %s
    <p class=MsoNormal>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p>
    """ % (title, t3["t3.total.new_received"] + t3["t3.total.carried_over"], t3["t3.total.carried_over"],
           word_cell("信息内容"), word_cell("本年制发件数"), word_cell("本年废止件数"), word_cell("现行有效件数"),
           word_cell("规章"), word_cell("0"), word_cell("0"), word_cell("0"),
           word_cell("行政规范性文件", split=True), word_cell("22（其中修订16件）"), word_cell("3"), word_cell("41"),
           word_cell("行政许可", split=True), html_table3("2021", t3, t3cell, blank_zero=True),
           html_table4(t4, lambda text: word_cell("" if text == "0" else text)))
    figures = dict(t3, **t4)
    figures.update({"t2.reg.made": 0, "t2.reg.repealed": 0, "t2.reg.valid": 0, "t2.norm.made": 22,
                    "t2.norm.repealed": 3, "t2.norm.valid": 41, "t2.license.decisions": 131,
                    "t2.penalty.decisions": 24, "t2.coercion.decisions": 0, "t2.fee.amount_wan": 1.25,
                    "s1.proactive_items": 215,
                    "s1.applications": t3["t3.total.new_received"] + t3["t3.total.carried_over"],
                    "s6.processing_fee_yuan": 0})
    write("word-pasted-2021.html", page(title, body), {
        "format": "2021", "year": 2023, "unit": "示例街道办事处", "published": "2024-01-26", "figures": figures,
        "failed": []})


def gbk_2019():
    title = "示例镇人民政府2020年政府信息公开工作年度报告"
    t3 = table3_values("2019", 3)
    t3["t3.total.result.granted"] += 1  # planted: the 总计 column does not add up on this row
    t4 = table4_values(4)
    t2 = """<table border=1>
    <tr><td colspan=4>第二十条第（一）项</td></tr>
    <tr><td>信息内容</td><td>本年新制作数量</td><td>本年新公开数量</td><td>对外公开总数量</td></tr>
    <tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
    <tr><td>规范性文件</td><td>2</td><td>2</td><td>17</td></tr>
    <tr><td colspan=4>第二十条第（五）项</td></tr>
    <tr><td>信息内容</td><td>上一年项目数量</td><td>本年增/减</td><td>处理决定数量</td></tr>
    <tr><td>行政许可</td><td>26</td><td>-2</td><td>140</td></tr>
    <tr><td>其他对外管理服务事项</td><td>5</td><td>0</td><td>33</td></tr>
    <tr><td colspan=4>第二十条第（六）项</td></tr>
    <tr><td>信息内容</td><td>上一年项目数量</td><td>本年增/减</td><td>处理决定数量</td></tr>
    <tr><td>行政处罚</td><td>120</td><td>+3</td><td>88</td></tr>
    <tr><td>行政强制</td><td>9</td><td>/</td><td>4</td></tr>
    <tr><td colspan=4>第二十条第（八）项</td></tr>
    <tr><td>信息内容</td><td>上一年项目数量</td><td colspan=2>本年增/减</td></tr>
    <tr><td>行政事业性收费</td><td>1</td><td colspan=2>0</td></tr>
    <tr><td colspan=4>第二十条第（九）项</td></tr>
    <tr><td>信息内容</td><td>采购项目数量</td><td colspan=2>采购总金额</td></tr>
    <tr><td>政府集中采购</td><td>4</td><td colspan=2>251000元</td></tr></table>"""
    body = """<h1>%s</h1><p>（示例数据）一、总体情况</p><p>本年度主动公开政府信息１３８条，收到政府信息公开申请%d件。</p>
    <p>二、主动公开政府信息情况</p>%s<p>三、收到和处理政府信息公开申请情况</p>%s
    <p>四、政府信息公开行政复议、行政诉讼情况</p>%s""" % (title, t3["t3.total.new_received"], t2, html_table3("2019", t3), html_table4(t4))
    figures = dict(t3, **t4)
    figures.update({"t2v19.reg.new_made": 0, "t2v19.reg.new_published": 0, "t2v19.reg.total_published": 0,
                    "t2v19.norm.new_made": 2, "t2v19.norm.new_published": 2, "t2v19.norm.total_published": 17,
                    "t2v19.license.prev_items": 26, "t2v19.license.change": -2, "t2v19.license.decisions": 140,
                    "t2v19.other_service.prev_items": 5, "t2v19.other_service.change": 0,
                    "t2v19.other_service.decisions": 33, "t2v19.penalty.prev_items": 120, "t2v19.penalty.change": 3,
                    "t2v19.penalty.decisions": 88, "t2v19.coercion.prev_items": 9, "t2v19.coercion.change": 0,
                    "t2v19.coercion.decisions": 4, "t2v19.fee.prev_items": 1, "t2v19.fee.change": 0,
                    "t2v19.procurement.items": 4, "t2v19.procurement.amount_yuan": 251000,
                    "s1.proactive_items": 138, "s1.applications": t3["t3.total.new_received"]})
    write("gbk-2019.html", page(title, body, charset="gb2312").encode("gb18030"), {
        "format": "2019", "year": 2020, "unit": "示例镇人民政府", "published": "2024-01-26", "figures": figures,
        "failed": ["t3.results.total", "t3.row.result.granted"]})


def split_misaligned_2021():
    """Table 三 in two pieces; the header's label corner is narrower than the data rows' labels; a blank 总计."""
    title = "示例区教育局2024年政府信息公开工作年度报告"
    t3 = table3_values("2021", 5)
    assert t3["t3.natural.new_received"] > 0
    html = html_table3("2021", t3).replace("<td colspan=3 rowspan=3>", "<td colspan=2 rowspan=3>", 1)
    rows = html.split("\n")
    split_at = next(i for i, r in enumerate(rows) if "（三）不予公开" in r)
    first = "\n".join(rows[:split_at]) + "\n</table>"
    second = "<p>（续表）</p><table border=1>\n" + "\n".join(rows[split_at:])
    new_row = next(r for r in rows if "本年新收" in r)
    total_cell = "<td>%s</td></tr>" % t3["t3.total.new_received"]
    first = first.replace(new_row, new_row[: new_row.rindex(total_cell)] + "<td></td></tr>")
    body = "<h1>%s</h1><p>（示例数据）本年度主动公开政府信息96条。</p><p>三、收到和处理政府信息公开申请情况</p>%s%s" % (
        title, first, second)
    figures = dict(t3)
    figures["t3.total.new_received"] = None
    figures["s1.proactive_items"] = 96
    write("split-misaligned-2021.html", page(title, body, meta_table=False), {
        "format": "2021", "year": 2024, "unit": "示例区教育局", "published": None, "figures": figures, "failed": [],
        "uncertain": ["t3.balance.total", "t3.row.new_received"],
        "warning": "t3.total.new_received printed blank while its parts sum to %d" % t3["t3.total.new_received"]})


def js_body_2022():
    """The report body lives in a JavaScript string that the page writes at load time."""
    title = "示例镇人民政府2022年政府信息公开工作年度报告"
    t3 = table3_values("2021", 7)
    t4 = table4_values(8)
    inner = "<p>（示例数据）本年度主动公开政府信息77条。</p>" + html_table3("2021", t3) + html_table4(t4)
    script = json.dumps(inner, ensure_ascii=False).replace("</", "<\\/")
    body = "<h1>%s</h1><div id=zoom></div><script>var content = %s;\ndocument.getElementById('zoom').innerHTML = content;</script>" % (title, script)
    figures = dict(t3, **t4)
    figures["s1.proactive_items"] = 77
    write("js-body-2022.html", page(title, body, meta_table=False), {
        "format": "2021", "year": 2022, "unit": "示例镇人民政府", "published": None, "figures": figures, "failed": []})
# --- text copies -----------------------------------------------------------------------------------------------

def text_copy_2021():
    """One cell per line, blank lines for empty cells, a page footer inside the table, a label broken across lines."""
    title = "示例街道办事处2021年政府信息公开工作年度报告"
    t3 = table3_values("2021", 11)
    t4 = table4_values(12)
    lines = [title, "（示例数据）", "一、总体情况", "本年度主动公开政府信息188条。", "二、主动公开政府信息情况",
             "第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数",
             "规章", "", "", "", "行政规范性文件", "5（其中修订2件）", "1", "19",
             "第二十条第（五）项", "信息内容", "本年处理决定数量", "行政许可", "56",
             "第二十条第（六）项", "信息内容", "本年处理决定数量", "行政处罚", "7", "行政强制", "0",
             "第二十条第（八）项", "信息内容", "本年收费金额（单位：万元）", "行政事业性收费", "0",
             "三、收到和处理政府信息公开申请情况", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
             "申请人情况", "自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    group = None
    for index, (row_group, label, key) in enumerate(table3_rows("2021")):
        if row_group and row_group != group:
            lines.append(row_group)
            group = row_group
        if key == "result.partial":
            lines += ["（二）部分公开（区分处理的，只计这一情形，不", "计其他情形）"]
        else:
            lines.append(label)
        for column in COLUMNS:
            value = t3["t3.%s.%s" % (column, key)]
            lines.append("" if value == 0 and column != "total" else n(value))
        if index == 12:
            lines += ["", "— 4 —", ""]
    lines += ["四、政府信息公开行政复议、行政诉讼情况", "行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"]
    lines += ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3
    lines += [n(t4[c]) for c in T4_CODES]
    lines += ["五、存在的主要问题及改进情况", "公开内容的针对性有待加强。", "六、其他需要报告的事项", "本年度未收取信息处理费。",
              "示例街道办事处", "2022年1月18日"]
    figures = dict(t3, **t4)
    figures.update({"t2.reg.made": 0, "t2.reg.repealed": 0, "t2.reg.valid": 0, "t2.norm.made": 5, "t2.norm.repealed": 1,
                    "t2.norm.valid": 19, "t2.license.decisions": 56, "t2.penalty.decisions": 7,
                    "t2.coercion.decisions": 0, "t2.fee.amount_wan": 0, "s1.proactive_items": 188,
                    "s6.processing_fee_yuan": 0})
    write("text-copy-2021.txt", "\n".join(lines) + "\n", {
        "format": "2021", "year": 2021, "unit": "示例街道办事处", "published": "2022-01-18", "figures": figures,
        "failed": []})


def pipe_copy_2019():
    """Cells separated by " |", merged label cells left empty, a header row with fewer cells than the data rows."""
    title = "示例镇人民政府2019年政府信息公开工作年度报告"
    t3 = table3_values("2019", 13)
    t4 = table4_values(14)
    lines = [title, "（示例数据）", "本年度主动公开政府信息64条。", "三、收到和处理政府信息公开申请情况",
             "| 申请人情况 |", "| 自然人 | 法人或其他组织 | 总计 |",
             "| 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |"]
    group = None
    for row_group, label, key in table3_rows("2019"):
        if row_group is None:
            cells = [label, ""]
        elif row_group == "三、本年度办理结果":
            cells = ["三、本年度办理结果" if group is None else "", label]
        else:
            cells = ["" if group == row_group else row_group, label]
        group = row_group or group
        cells += [n(t3["t3.%s.%s" % (c, key)]) for c in COLUMNS]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["四、政府信息公开行政复议、行政诉讼情况", "| 行政复议 | 行政诉讼 |", "| | 未经复议直接起诉 | 复议后起诉 |",
              "| " + " | ".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3) + " |",
              "| " + " | ".join(n(t4[c]) for c in T4_CODES) + " |"]
    figures = dict(t3, **t4)
    figures["s1.proactive_items"] = 64
    write("pipe-copy-2019.txt", "\n".join(lines) + "\n", {
        "format": "2019", "year": 2019, "unit": "示例镇人民政府", "published": None, "figures": figures, "failed": []})


def national_2016():
    """The national 《政府信息公开情况统计表》 (2014–2018) as an HTML table with 统计指标 | 单位 | 统计数."""
    title = "示例县交通运输局2016年政府信息公开工作年度报告"
    rows = [
        ("一、主动公开情况", "", "", None), ("（一）主动公开政府信息数", "条", "420", "old.proactive.total"),
        ("其中：主动公开规范性文件数", "条", "6", "old.proactive.normative_docs"),
        ("制发规范性文件总数", "件", "8", "old.normative_docs_issued"),
        ("（二）通过不同渠道和方式公开政府信息的情况", "", "", None),
        ("1.政府公报公开政府信息数", "条", "12", "old.channel.gazette"),
        ("2.政府网站公开政府信息数", "条", "410", "old.channel.website"),
        ("3.政务微博公开政府信息数", "条", "150", "old.channel.weibo"),
        ("4.政务微信公开政府信息数", "条", "180", "old.channel.weixin"),
        ("5.其他方式公开政府信息数", "条", "—", "old.channel.other"),
        ("二、回应解读情况", "", "", None),
        ("（一）回应公众关注热点或重大舆情数（不含政策解读类）", "次", "3", "old.response.hotspots"),
        ("（二）通过不同方式回应解读的情况", "", "", None),
        ("1.参加或举办新闻发布会总次数", "次", "2", "old.response.press_conferences"),
        ("其中：主要负责同志参加新闻发布会次数", "次", "1", "old.response.press_conferences_leader"),
        ("2.政府网站在线访谈次数", "次", "1", "old.response.online_interviews"),
        ("其中：主要负责同志参加政府网站在线访谈次数", "次", "1", "old.response.online_interviews_leader"),
        ("3.政策解读稿件发布数", "篇", "4", "old.response.interpretations"),
        ("4.微博微信回应事件数", "次", "5", "old.response.weibo_weixin"),
        ("5.其他方式回应事件数", "次", "0", "old.response.other"),
        ("三、依申请公开情况", "", "", None), ("（一）收到申请数", "件", "9", "old.apply.received"),
        ("1.当面申请数", "件", "2", "old.apply.in_person"), ("2.传真申请数", "件", "0", "old.apply.fax"),
        ("3.网络申请数", "件", "5", "old.apply.online"), ("4.信函申请数", "件", "2", "old.apply.letter"),
        ("（二）申请办结数", "件", "9", "old.apply.closed"), ("1.按时办结数", "件", "8", "old.apply.closed_on_time"),
        ("2.延期办结数", "件", "1", "old.apply.closed_extended"), ("（三）申请答复数", "件", "9", "old.answer.total"),
        ("1.属于已主动公开范围数", "件", "1", "old.answer.already_public"), ("2.同意公开答复数", "件", "4", "old.answer.granted"),
        ("3.同意部分公开答复数", "件", "1", "old.answer.partial"), ("4.不同意公开答复数", "件", "1", "old.answer.denied"),
        ("其中：涉及国家秘密", "件", "0", "old.answer.denied.state_secret"),
        ("涉及商业秘密", "件", "0", "old.answer.denied.commercial_secret"),
        ("涉及个人隐私", "件", "1", "old.answer.denied.privacy"),
        ("危及国家安全、公共安全、经济安全和社会稳定", "件", "0", "old.answer.denied.security_stability"),
        ("不是《条例》所指政府信息", "件", "0", "old.answer.denied.not_gov_info"),
        ("法律法规规定的其他情形", "件", "0", "old.answer.denied.other_law"),
        ("5.不属于本行政机关公开数", "件", "1", "old.answer.not_this_agency"),
        ("6.申请信息不存在数", "件", "1", "old.answer.not_exist"), ("7.告知作出更改补充数", "件", "0", "old.answer.asked_to_amend"),
        ("8.告知通过其他途径办理数", "件", "0", "old.answer.other_channel"),
        ("四、行政复议数量", "件", "1", "old.review.total"), ("（一）维持具体行政行为数", "件", "1", "old.review.upheld"),
        ("（二）被依法纠错数", "件", "0", "old.review.corrected"), ("（三）其他情形数", "件", "0", "old.review.other"),
        ("五、行政诉讼数量", "件", "0", "old.litigation.total"),
        ("（一）维持具体行政行为或者驳回原告诉讼请求数", "件", "0", "old.litigation.upheld"),
        ("（二）被依法纠错数", "件", "0", "old.litigation.corrected"), ("（三）其他情形数", "件", "0", "old.litigation.other"),
        ("六、举报投诉数量", "件", "0", "old.complaints"), ("七、依申请公开信息收取的费用", "万元", "0", "old.fees_wan"),
        ("八、机构建设和保障经费情况", "", "", None), ("（一）政府信息公开工作专门机构数", "个", "1", "old.org.units"),
        ("（二）设置政府信息公开查阅点数", "个", "2", "old.org.reading_points"),
        ("（三）从事政府信息公开工作人员数", "人", "4", "old.org.staff_total"),
        ("1.专职人员数（不包括政府公报及政府网站工作人员数）", "人", "1", "old.org.staff_fulltime"),
        ("2.兼职人员数", "人", "3", "old.org.staff_parttime"),
        ("（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）", "万元", "2.5",
         "old.org.budget_wan"),
        ("九、会议和培训情况", "", "", None), ("（一）召开政府信息公开工作会议或专题会议数", "次", "3", "old.meetings"),
        ("（二）举办各类培训班数", "次", "2", "old.trainings"), ("（三）接受培训人员数", "人次", "46", "old.trainees"),
    ]
    table = "<table border=1><tr><td>统计指标</td><td>单位</td><td>统计数</td></tr>" + "".join(
        "<tr><td>%s</td><td>%s</td><td>%s</td></tr>" % row[:3] for row in rows) + "</table>"
    body = ("<h1>%s</h1><p>（示例数据）一、概述</p><p>2016年，本局主动公开政府信息420条，其中主动公开规范性文件6件。</p>"
            "<p>三、依申请公开政府信息情况</p><p>全年共收到政府信息公开申请9件。</p><p>附件：政府信息公开情况统计表</p>%s"
            % (title, table))
    figures = {code: (0 if value == "—" else float(value) if "." in value else int(value))
               for _, _, value, code in rows if code}
    figures.update({"s1.proactive_items": 420, "s1.applications": 9})
    expected = {"format": "old", "year": 2016, "unit": "示例县交通运输局", "published": None, "figures": figures, "failed": []}
    write("national-2016.html", page(title, body, meta_table=False), expected)
    # The same report as a Word 97 .doc (read through antiword), converted by LibreOffice.
    import shutil, subprocess, tempfile
    with tempfile.TemporaryDirectory() as folder:
        source = os.path.join(folder, "national-2016.html")
        shutil.copy(os.path.join(HERE, "national-2016.html"), source)
        subprocess.run(["soffice", "--headless", "--convert-to", "doc:MS Word 97", "--outdir", folder, source],
                       check=True, capture_output=True)
        with open(os.path.join(folder, "national-2016.doc"), "rb") as handle:
            write("national-2016.doc", handle.read(), expected)


def coded_2012():
    """A Shanghai-style coded table (代码 01–35) as tab-separated text, GBK-encoded."""
    title = "示例区民政局2012年政府信息公开工作年度报告"
    rows = [("主动公开信息数（不同渠道和方式公开相同信息计1条）", "01", "条", "233", "old.proactive.total"),
            ("其中：全文电子化的主动公开信息数", "02", "条", "233", "old.proactive.full_text_electronic"),
            ("申请总数", "10", "条", "12", "old.apply.received"), ("其中：1.当面申请数", "11", "条", "3", "old.apply.in_person"),
            ("2.传真申请数", "12", "条", "0", "old.apply.fax"), ("3.网上申请数", "13", "条", "7", "old.apply.online"),
            ("4.信函申请数", "14", "条", "2", "old.apply.letter"), ("对申请的答复总数", "17", "条", "12", "old.answer.total"),
            ("其中：1.“已主动公开”数", "18", "条", "2", "old.answer.already_public"),
            ("2.“同意公开答复”数", "19", "条", "6", "old.answer.granted"),
            ("3.“同意部分公开答复”数", "20", "条", "1", "old.answer.partial"),
            ("4.“不同意公开答复”数", "21", "条", "1", "old.answer.denied"),
            ("其中：涉及国家秘密", "22", "条", "0", "old.answer.denied.state_secret"),
            ("涉及商业秘密", "23", "条", "0", "old.answer.denied.commercial_secret"),
            ("涉及个人隐私", "24", "条", "1", "old.answer.denied.privacy"),
            ("5.“信息不存在”数", "28", "条", "2", "old.answer.not_exist"),
            ("6.“非本机关掌握”数", "29", "条", "0", "old.answer.not_this_agency"),
            ("行政复议数", "32", "件", "0", "old.review.total"), ("行政诉讼数", "33", "件", "0", "old.litigation.total"),
            ("行政申诉数", "34", "件", "0", "old.complaints")]
    lines = [title, "（示例数据）", "一、概述", "2012年，本局主动公开政府信息233条。", "附表：",
             "指标名称\t代码\t计量单位\t数量"] + ["\t".join(row[:4]) for row in rows] + ["示例区民政局", "2013年3月20日"]
    figures = {row[4]: int(row[3]) for row in rows}
    figures["s1.proactive_items"] = 233
    write("coded-2012.txt", ("\n".join(lines) + "\n").encode("gb18030"), {
        "format": "old", "year": 2012, "unit": "示例区民政局", "published": "2013-03-20", "figures": figures,
        "failed": []})


def township_prose_2015():
    """A small township report with no table at all, every figure in prose, GBK-encoded; no 依申请 table."""
    title = "示例乡人民政府2015年政府信息公开工作年度报告"
    text = "\n".join([title, "（示例数据）", "一、概述", "2015年，我乡认真贯彻《条例》，全年主动公开政府信息138条。",
                      "二、依申请公开情况", "本年度未收到依申请公开申请。", "三、收费及减免情况", "本年度未收取任何费用。",
                      "四、行政复议和行政诉讼情况", "本年度未发生因政府信息公开引起的行政复议和行政诉讼。",
                      "示例乡人民政府", "2016年3月25日"]) + "\n"
    write("township-prose-2015.txt", text.encode("gb18030"), {
        "format": "old", "year": 2015, "unit": "示例乡人民政府", "published": "2016-03-25", "failed": [],
        "figures": {"s1.proactive_items": 138, "s1.applications": 0, "s6.processing_fee_yuan": 0,
                    "old.proactive.total": 138, "old.apply.received": 0, "old.review.total": 0,
                    "old.litigation.total": 0}})


# --- PDF and DOCX ----------------------------------------------------------------------------------------------

def pdf_2022():
    """A PDF with a text layer: tables drawn at fixed columns (pdftotext -layout keeps them), long labels wrapped."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("WQY", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", subfontIndex=0))
    title = "示例街道办事处2022年政府信息公开工作年度报告"
    t3 = table3_values("2021", 21)
    t4 = table4_values(22)
    path = os.path.join(HERE, "layout-2022.pdf")
    pdf = canvas.Canvas(path, pagesize=A4, invariant=1)
    width, height = A4

    def text(x, y, value, size=8):
        pdf.setFont("WQY", size)
        pdf.drawString(x, y, value)

    y = height - 60
    text(120, y, title, 12)
    y -= 24
    for line in ["（示例数据）一、总体情况", "本年度主动公开政府信息205条。", "二、主动公开政府信息情况"]:
        text(50, y, line, 9)
        y -= 16
    for label, cells in [("信息内容", ["本年制发件数", "本年废止件数", "现行有效件数"]), ("规章", ["0", "0", "0"]),
                         ("行政规范性文件", ["2", "0", "12"]), ("信息内容", ["本年处理决定数量"]), ("行政许可", ["88"]),
                         ("行政处罚", ["15"]), ("行政强制", ["1"]), ("信息内容", ["本年收费金额（单位：万元）"]),
                         ("行政事业性收费", ["3.6"])]:
        text(50, y, label)
        for index, cell in enumerate(cells):
            text(200 + index * 110, y, cell)
        y -= 14
    text(50, y - 10, "三、收到和处理政府信息公开申请情况", 9)
    text(50, 40, "— 1 —", 8)
    pdf.showPage()
    y = height - 60
    text(330, y, "申请人情况")
    y -= 14
    for index, header in enumerate(HEADERS):
        text(290 + index * 38, y, header[:4], 7)
    y -= 16
    for row_group, label, key in table3_rows("2021"):
        values = [n(t3["t3.%s.%s" % (c, key)]) for c in COLUMNS]
        full = label if row_group in (None, "三、本年度办理结果") else "%s %s" % (row_group, label)
        first, rest = full[:22], full[22:]
        text(40, y, first, 7)
        for index, value in enumerate(values):
            text(300 + index * 38, y, value, 7)
        y -= 11
        if rest:
            text(40, y, rest, 7)
            y -= 11
    text(50, 40, "— 2 —", 8)
    pdf.showPage()
    y = height - 60
    text(50, y, "四、政府信息公开行政复议、行政诉讼情况", 9)
    y -= 18
    text(60, y, "行政复议")
    text(300, y, "行政诉讼")
    y -= 14
    for index, header in enumerate(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3):
        text(40 + index * 35, y, header, 6)
    y -= 14
    for index, code in enumerate(T4_CODES):
        text(48 + index * 35, y, n(t4[code]), 7)
    y -= 24
    text(50, y, "六、其他需要报告的事项：本年度未收取信息处理费。", 9)
    text(400, y - 30, "2023年1月16日", 9)
    pdf.showPage()
    pdf.save()
    figures = dict(t3, **t4)
    figures.update({"t2.reg.made": 0, "t2.reg.repealed": 0, "t2.reg.valid": 0, "t2.norm.made": 2, "t2.norm.repealed": 0,
                    "t2.norm.valid": 12, "t2.license.decisions": 88, "t2.penalty.decisions": 15,
                    "t2.coercion.decisions": 1, "t2.fee.amount_wan": 3.6, "s1.proactive_items": 205,
                    "s6.processing_fee_yuan": 0})
    with open(path, "rb") as handle:
        data = handle.read()
    write("layout-2022.pdf", data, {"format": "2021", "year": 2022, "unit": "示例街道办事处", "published": "2023-01-16",
                                    "figures": figures, "failed": []})


def docx_2023():
    """A Word document: table 三 with merged header and label cells (gridSpan and vMerge)."""
    import docx
    title = "示例镇人民政府2023年政府信息公开工作年度报告"
    t3 = table3_values("2021", 31)
    t4 = table4_values(32)
    document = docx.Document()
    document.add_paragraph(title)
    document.add_paragraph("（示例数据）一、总体情况")
    document.add_paragraph("本年度主动公开政府信息173条。")
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    rows = table3_rows("2021")
    table = document.add_table(rows=3 + len(rows), cols=10)

    def merge(r1, c1, r2, c2, value):
        cell = table.cell(r1, c1).merge(table.cell(r2, c2))
        cell.text = value

    merge(0, 0, 2, 2, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
    merge(0, 3, 0, 9, "申请人情况")
    merge(1, 3, 2, 3, "自然人")
    merge(1, 4, 1, 8, "法人或其他组织")
    merge(1, 9, 2, 9, "总计")
    for index, header in enumerate(HEADERS[1:6]):
        table.cell(2, 4 + index).text = header
    result_rows = [i for i, r in enumerate(rows) if r[0] is not None]
    merge(3 + result_rows[0], 0, 3 + result_rows[-1], 0, "三、本年度办理结果")
    for index, (group, label, key) in enumerate(rows):
        r = 3 + index
        if group is None:
            merge(r, 0, r, 2, label)
        elif group == "三、本年度办理结果":
            merge(r, 1, r, 2, label)
        else:
            table.cell(r, 2).text = label
        for column_index, column in enumerate(COLUMNS):
            table.cell(r, 3 + column_index).text = n(t3["t3.%s.%s" % (column, key)])
    for group in ["（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"]:
        members = [i for i, r in enumerate(rows) if r[0] == group]
        merge(3 + members[0], 1, 3 + members[-1], 1, group)
    document.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    t4table = document.add_table(rows=4, cols=15)
    cell = t4table.cell(0, 0).merge(t4table.cell(1, 4))
    cell.text = "行政复议"
    t4table.cell(0, 5).merge(t4table.cell(0, 14)).text = "行政诉讼"
    t4table.cell(1, 5).merge(t4table.cell(1, 9)).text = "未经复议直接起诉"
    t4table.cell(1, 10).merge(t4table.cell(1, 14)).text = "复议后起诉"
    for index, header in enumerate(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3):
        t4table.cell(2, index).text = header
    for index, code in enumerate(T4_CODES):
        t4table.cell(3, index).text = n(t4[code])
    document.add_paragraph("示例镇人民政府")
    document.add_paragraph("2024年1月22日")
    document.core_properties.created = __import__("datetime").datetime(2024, 1, 22)
    path = os.path.join(HERE, "report-2023.docx")
    document.save(path)
    figures = dict(t3, **t4)
    figures["s1.proactive_items"] = 173
    with open(path, "rb") as handle:
        data = handle.read()
    write("report-2023.docx", data, {"format": "2021", "year": 2023, "unit": "示例镇人民政府", "published": "2024-01-22",
                                      "figures": figures, "failed": []})


def scan_pdf():
    """A scanned report: a PDF with only an image-like drawing and no text layer (needs manual entry)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    pdf = canvas.Canvas(os.path.join(HERE, "scan-2019.pdf"), pagesize=A4, invariant=1)
    for row in range(30):
        pdf.rect(60, 780 - row * 22, 470, 18, stroke=1, fill=row % 2)
    pdf.showPage()
    pdf.save()


if __name__ == "__main__":
    for make in [word_pasted_2021, gbk_2019, split_misaligned_2021, js_body_2022, text_copy_2021, pipe_copy_2019,
                 national_2016, coded_2012, township_prose_2015, pdf_2022, docx_2023, scan_pdf]:
        make()
    print("fixtures written to", HERE)
