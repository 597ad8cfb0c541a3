/// Every indicator code of `docs/indicators.md`, with its label, unit, formats and ranking direction.
public enum IndicatorCatalogue {
    /// All extractable indicators, in the order of `docs/indicators.md`.
    public static let all: [Indicator] =
        table2v2021 + table2v2019 + table3 + table4 + prose + OldFormatCatalogue.indicators

    private static let positions: [String: Int] = Dictionary(
        uniqueKeysWithValues: all.enumerated().map { ($1.code, $0) })

    /// The position of `code` in `all`, or nil when the code is not an extractable indicator. Code that reads
    /// many figures keeps positions, so that a code is hashed once.
    public static func position(of code: String) -> Int? { positions[code] }

    /// The catalogue entry for `code`, or nil when the code is not an extractable indicator.
    public static func indicator(_ code: String) -> Indicator? { positions[code].map { all[$0] } }

    /// The Chinese name of any code: an indicator, a series or a derived rate.
    public static func label(of code: String) -> String? {
        indicator(code)?.label ?? ComparableSeries.named(code)?.label ?? DerivedRate.named(code)?.label
    }

    private static let new: Set<ReportFormat> = [.v2019, .v2021]

    static let table2v2021: [Indicator] = {
        var list: [Indicator] = []
        for (key, name) in [("reg", "规章"), ("norm", "行政规范性文件")] {
            for (column, columnName) in [("made", "本年制发件数"), ("repealed", "本年废止件数"), ("valid", "现行有效件数")] {
                list.append(
                    Indicator(
                        code: "t2.\(key).\(column)", label: "\(name)·\(columnName)", unit: .pieces,
                        formats: [.v2021]))
            }
        }
        for (key, name) in [("license", "行政许可"), ("penalty", "行政处罚"), ("coercion", "行政强制")] {
            list.append(
                Indicator(
                    code: "t2.\(key).decisions", label: "\(name)·本年处理决定数量", unit: .pieces,
                    formats: [.v2021]))
        }
        list.append(
            Indicator(
                code: "t2.fee.amount_wan", label: "行政事业性收费·本年收费金额", unit: .wanYuan,
                formats: [.v2021]))
        return list
    }()

    static let table2v2019: [Indicator] = {
        var list: [Indicator] = []
        for (key, name) in [("reg", "规章"), ("norm", "规范性文件")] {
            for (column, columnName) in [
                ("new_made", "本年新制作数量"), ("new_published", "本年新公开数量"),
                ("total_published", "对外公开总数量"),
            ] {
                list.append(
                    Indicator(
                        code: "t2v19.\(key).\(column)", label: "\(name)·\(columnName)", unit: .pieces,
                        formats: [.v2019]))
            }
        }
        let items = [
            ("license", "行政许可"), ("other_service", "其他对外管理服务事项"), ("penalty", "行政处罚"),
            ("coercion", "行政强制"),
        ]
        for (key, name) in items {
            for (column, columnName) in [
                ("prev_items", "上一年项目数量"), ("change", "本年增/减"),
                ("decisions", "处理决定数量"),
            ] {
                list.append(
                    Indicator(
                        code: "t2v19.\(key).\(column)", label: "\(name)·\(columnName)",
                        unit: column == "decisions" ? .pieces : .count, formats: [.v2019]))
            }
        }
        list.append(
            Indicator(
                code: "t2v19.fee.prev_items", label: "行政事业性收费·上一年项目数量", unit: .count,
                formats: [.v2019]))
        list.append(Indicator(code: "t2v19.fee.change", label: "行政事业性收费·本年增/减", unit: .count, formats: [.v2019]))
        list.append(
            Indicator(
                code: "t2v19.procurement.items", label: "政府集中采购·采购项目数量", unit: .count,
                formats: [.v2019]))
        list.append(
            Indicator(
                code: "t2v19.procurement.amount_yuan", label: "政府集中采购·采购总金额（元）", unit: .yuan,
                formats: [.v2019]))
        list.append(
            Indicator(
                code: "t2v19.procurement.amount_wan", label: "政府集中采购·采购总金额（万元）",
                unit: .wanYuan, formats: [.v2019]))
        return list
    }()

    static let table3: [Indicator] = Table3Layout.rows.flatMap { row in
        Table3Layout.columns.map { column in
            Indicator(
                code: Table3Layout.code(column: column.key, row: row.key),
                label: "\(row.label)·\(column.label)", unit: .pieces, formats: row.formats)
        }
    }

    static let table4: [Indicator] = Table4Layout.blocks.flatMap { block in
        Table4Layout.columns.map { column in
            Indicator(
                code: "t4.\(block.key).\(column.key)", label: "\(block.label)·\(column.label)", unit: .pieces,
                formats: new)
        }
    }

    static let prose: [Indicator] = [
        Indicator(
            code: "s1.proactive_items", label: "主动公开政府信息数（正文）", unit: .items,
            formats: Set(ReportFormat.allCases), direction: .higherIsBetter),
        Indicator(
            code: "s1.applications", label: "收到政府信息公开申请数（正文）", unit: .pieces,
            formats: Set(ReportFormat.allCases)),
        Indicator(
            code: "s6.processing_fee_yuan", label: "信息处理费（元）", unit: .yuan,
            formats: Set(ReportFormat.allCases)),
    ]
}
