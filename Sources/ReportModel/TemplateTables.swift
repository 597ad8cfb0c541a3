/// One block of a template's printed tables: a caption, a header, and rows whose cells are indicator codes — the
/// way tables 二, 三 and 四 are printed in every report of a template, and in the city's own report.
public struct TemplateBlock: Sendable, Hashable {
    /// One printed row: its label and the code of each of the block's columns (none for a heading row, such as
    /// 三、本年度办理结果, that spans the rows under it).
    public struct Row: Sendable, Hashable {
        /// The row's label as printed.
        public let label: String
        /// The codes of its cells, one per column; empty for a heading row.
        public let codes: [String]
    }

    /// The table and part it belongs to: `表二 第二十条第（一）项`.
    public let caption: String
    /// The header of the label column.
    public let corner: String
    /// The headers of the value columns, as printed.
    public let columns: [String]
    /// The printed headers above `columns` that span several of them (法人或其他组织, 行政复议), one per column ("" where
    /// none); empty when the block has one header row.
    public var groups: [String] = []
    /// The rows in printed order.
    public let rows: [Row]

    /// Every code of the block, row by row.
    public var codes: [String] { rows.flatMap(\.codes) }
}

/// The printed layout of tables 二, 三 and 四 of the new templates, for laying out city totals as the city's own
/// report prints them.
public enum TemplateTables {
    /// The blocks of `format`'s tables in printed order: tables 二, 三 and 四 of the 2021 template; tables 三 and 四
    /// of the 2019 template (its table 二 prints 采购总金额 in yuan or in 万元, which do not add up to one cell);
    /// none for the old format.
    public static func blocks(for format: ReportFormat) -> [TemplateBlock] {
        switch format {
        case .v2021: table2v2021 + [table3(.v2021), table4]
        case .v2019: [table3(.v2019), table4]
        case .old, .unknown: []
        }
    }

    static let table2v2021: [TemplateBlock] = [
        TemplateBlock(
            caption: "表二 第二十条第（一）项", corner: "信息内容", columns: ["本年制发件数", "本年废止件数", "现行有效件数"],
            rows: [("规章", "reg"), ("行政规范性文件", "norm")].map { label, key in
                TemplateBlock.Row(label: label, codes: ["made", "repealed", "valid"].map { "t2.\(key).\($0)" })
            }),
        TemplateBlock(
            caption: "表二 第二十条第（五）项", corner: "信息内容", columns: ["本年处理决定数量"],
            rows: [TemplateBlock.Row(label: "行政许可", codes: ["t2.license.decisions"])]),
        TemplateBlock(
            caption: "表二 第二十条第（六）项", corner: "信息内容", columns: ["本年处理决定数量"],
            rows: [
                TemplateBlock.Row(label: "行政处罚", codes: ["t2.penalty.decisions"]),
                TemplateBlock.Row(label: "行政强制", codes: ["t2.coercion.decisions"]),
            ]),
        TemplateBlock(
            caption: "表二 第二十条第（八）项", corner: "信息内容", columns: ["本年收费金额（单位：万元）"],
            rows: [TemplateBlock.Row(label: "行政事业性收费", codes: ["t2.fee.amount_wan"])]),
    ]

    /// Table 三 of a template: its rows as `Table3Layout` prints them, 三、本年度办理结果 as a heading row.
    static func table3(_ format: ReportFormat) -> TemplateBlock {
        var rows: [TemplateBlock.Row] = []
        for row in Table3Layout.rows where row.formats.contains(format) {
            if row.key == "result.granted" { rows.append(TemplateBlock.Row(label: "三、本年度办理结果", codes: [])) }
            rows.append(
                TemplateBlock.Row(
                    label: row.label,
                    codes: Table3Layout.columns.map {
                        Table3Layout.code(column: $0.key, row: row.key)
                    }))
        }
        var block = TemplateBlock(
            caption: "表三 收到和处理政府信息公开申请情况", corner: "申请人情况",
            columns: Table3Layout.columns.map(\.label), rows: rows)
        block.groups = Table3Layout.columns.map { ["natural", "total"].contains($0.key) ? "" : "法人或其他组织" }
        return block
    }

    /// Table 四: one row of fifteen cells, three blocks of five under their 行政复议 / 行政诉讼 headers.
    static let table4: TemplateBlock = {
        var block = TemplateBlock(
            caption: "表四 政府信息公开行政复议、行政诉讼情况", corner: "",
            columns: Table4Layout.blocks.flatMap { _ in Table4Layout.columns.map(\.label) },
            rows: [TemplateBlock.Row(label: "件数", codes: Table4Layout.codes)])
        block.groups = Table4Layout.blocks.flatMap { block in Table4Layout.columns.map { _ in block.label } }
        return block
    }()
}
