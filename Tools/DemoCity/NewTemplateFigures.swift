import ReportModel

/// Consistent figures for one 2019- or 2021-template report, carrying last year's 结转 and 现行有效 forward.
struct NewTemplateFigures {
    var values: [String: Double] = [:]
    var random: SeededRandom

    /// Per-column carried_forward of the previous year, to become this year's carried_over.
    static func make(
        format: ReportFormat, isStreet: Bool, carriedOver: [String: Int], previousValid: Int?,
        random: inout SeededRandom
    ) -> (values: [String: Double], carriedForward: [String: Int], valid: Int) {
        var values: [String: Double] = [:]
        var forward: [String: Int] = [:]
        let ranges: [String: ClosedRange<Int>] = [
            "natural": isStreet ? 3...45 : 0...25, "commercial": 0...6, "research": 0...1, "social": 0...1,
            "legal": 0...3, "other_org": 0...2,
        ]
        let parts = Table3Layout.resultParts(for: format).map(\.key)
        var totals: [String: Int] = [:]
        for column in Table3Layout.applicantColumns.map(\.key) {
            let received = column == "natural" || random.chance(35) ? random.int(ranges[column] ?? 0...1) : 0
            let carried = carriedOver[column] ?? (column == "natural" ? random.int(0...2) : 0)
            let carriedForward =
                received + carried > 0 && random.chance(40) ? random.int(0...min(3, received + carried)) : 0
            let handled = received + carried - carriedForward
            var byRow: [String: Int] = [:]
            for _ in 0..<handled { byRow[pick(parts, &random), default: 0] += 1 }
            var rows: [String: Int] = [
                "new_received": received, "carried_over": carried, "carried_forward": carriedForward,
                "result.total": handled,
            ]
            for part in parts { rows[part] = byRow[part, default: 0] }
            for (row, value) in rows {
                values[Table3Layout.code(column: column, row: row)] = Double(value)
                totals[row, default: 0] += value
            }
            forward[column] = carriedForward
        }
        for (row, value) in totals { values[Table3Layout.code(column: "total", row: row)] = Double(value) }
        forward["total"] = totals["carried_forward"] ?? 0

        for block in ["review", "lit_direct", "lit_after_review"] {
            let busy = random.chance(block == "review" ? 45 : 25)
            let cells = ["upheld", "corrected", "other", "pending"].map { _ in busy ? random.int(0...2) : 0 }
            for (key, value) in zip(["upheld", "corrected", "other", "pending"], cells) {
                values["t4.\(block).\(key)"] = Double(value)
            }
            values["t4.\(block).total"] = Double(cells.reduce(0, +))
        }
        let valid: Int
        if format == .v2021 {
            for code in ["t2.reg.made", "t2.reg.repealed", "t2.reg.valid"] { values[code] = 0 }
            let made = random.int(0...3)
            let repealed = random.int(0...1)
            valid = max((previousValid ?? random.int(2...9)) + made - repealed, 0)
            values["t2.norm.made"] = Double(made)
            values["t2.norm.repealed"] = Double(valid == 0 ? 0 : repealed)
            values["t2.norm.valid"] = Double(valid)
            values["t2.license.decisions"] = Double(random.int(0...240))
            values["t2.penalty.decisions"] = Double(random.int(0...320))
            values["t2.coercion.decisions"] = Double(random.int(0...25))
            values["t2.fee.amount_wan"] = Double(random.int(0...5000)) / 100
        } else {
            for code in ["t2v19.reg.new_made", "t2v19.reg.new_published", "t2v19.reg.total_published"] {
                values[code] = 0
            }
            let made = random.int(0...3)
            valid = (previousValid ?? random.int(3...12)) + made
            values["t2v19.norm.new_made"] = Double(made)
            values["t2v19.norm.new_published"] = Double(made)
            values["t2v19.norm.total_published"] = Double(valid)
            for (key, range) in [
                ("license", 8...40), ("other_service", 0...15), ("penalty", 40...220), ("coercion", 2...20),
            ] {
                values["t2v19.\(key).prev_items"] = Double(random.int(range))
                values["t2v19.\(key).change"] = Double(random.int(-2...3))
                values["t2v19.\(key).decisions"] = Double(random.int(0...200))
            }
            values["t2v19.fee.prev_items"] = Double(random.int(0...3))
            values["t2v19.fee.change"] = 0
            values["t2v19.procurement.items"] = Double(random.int(0...6))
            values["t2v19.procurement.amount_yuan"] = Double(random.int(0...60) * 5000)
        }
        values["s1.proactive_items"] = Double(random.int(isStreet ? 150...420 : 80...300))
        values["s1.applications"] = values["t3.total.new_received"]
        values["s6.processing_fee_yuan"] = 0
        return (values, forward, valid)
    }

    private static func pick(_ parts: [String], _ random: inout SeededRandom) -> String {
        let roll = random.int(0...99)
        if roll < 42 { return "result.granted" }
        if roll < 55 { return "result.partial" }
        if roll < 70 { return "result.unable.not_held" }
        if roll < 76 { return "result.rejected.repeat" }
        if roll < 82 { return "result.rejected.petition" }
        return parts[random.int(0...(parts.count - 1))]
    }
}
