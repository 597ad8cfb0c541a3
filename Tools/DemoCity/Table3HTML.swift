import ReportModel

/// Table 三 with the template's merged cells: a three-row header and the 办理结果 block spanning its rows.
enum Table3HTML {
    static func render(format: ReportFormat, value: (String) -> String) -> String {
        let rows = Table3Layout.rows.filter { $0.formats.contains(format) }
        func cells(_ row: String) -> String {
            Table3Layout.columns.map { "<td>\(value(Table3Layout.code(column: $0.key, row: row)))</td>" }.joined()
        }
        let resultRows = rows.filter { $0.key.hasPrefix("result.") }
        var html = """
            <table border="1">
            <tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
            <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
            <tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
            <tr><td colspan="3">一、本年新收政府信息公开申请数量</td>\(cells("new_received"))</tr>
            <tr><td colspan="3">二、上年结转政府信息公开申请数量</td>\(cells("carried_over"))</tr>

            """
        var first = true
        var openGroup: String?
        for row in resultRows {
            var line = "<tr>"
            if first {
                line += "<td rowspan=\"\(resultRows.count)\">三、本年度办理结果</td>"
                first = false
            }
            let parts = row.label.split(separator: " ", maxSplits: 1).map(String.init)
            if parts.count == 2 {
                if openGroup != parts[0] {
                    let span = resultRows.filter { $0.label.hasPrefix(parts[0] + " ") }.count
                    line += "<td rowspan=\"\(span)\">\(parts[0])</td>"
                    openGroup = parts[0]
                }
                line += "<td>\(parts[1])</td>"
            } else {
                let label = row.key == "result.partial" ? "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" : row.label
                line += "<td colspan=\"2\">\(label)</td>"
                openGroup = nil
            }
            html += line + cells(row.key) + "</tr>\n"
        }
        html += "<tr><td colspan=\"3\">四、结转下年度继续办理</td>\(cells("carried_forward"))</tr>\n</table>"
        return html
    }
}
