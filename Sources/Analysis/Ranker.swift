import ReportModel

/// Competition rankings with ties, direction from the catalogue, and changes since last year.
public enum Ranker {
    /// Ranks `units` on `indicator` in `year`; `figures` should hold that year and the year before.
    public static func rank(
        _ indicator: IndicatorReference, year: Int, units: [UnitInfo], figures: [UnitYearFigures],
        group: String? = nil, minimumDenominator: Double = 30
    ) -> Ranking {
        let members = units.filter { group == nil || $0.kind == group }
        let direction = indicator.direction
        let current = rows(
            indicator, year: year, units: members, figures: figures, direction: direction,
            minimumDenominator: minimumDenominator)
        let previous = rows(
            indicator, year: year - 1, units: members, figures: figures, direction: direction,
            minimumDenominator: minimumDenominator)
        let previousByUnit = Dictionary(previous.map { ($0.unit.id, $0) }, uniquingKeysWith: { first, _ in first })
        let isRate = indicator.isRate
        let counted = current.filter { $0.status == .ranked }
        let total = isRate ? nil : counted.compactMap(\.value).reduce(0, +)
        let enriched = current.map { row -> RankingRow in
            var row = row
            if let total, total != 0, row.status == .ranked, let value = row.value { row.share = value / total }
            if let before = previousByUnit[row.unit.id] {
                row.previousRank = before.rank
                if let now = row.rank, let then = before.rank { row.rankChange = then - now }
                if let now = row.value, let then = before.value, row.status == .ranked, before.status == .ranked {
                    row.valueChange = now - then
                }
            }
            return row
        }
        return Ranking(
            indicator: indicator, year: year, group: group,
            direction: direction, rows: enriched, cityTotal: total, reportingUnits: counted.count,
            notes: notes(indicator, year: year, direction: direction, minimumDenominator: minimumDenominator))
    }

    static func rows(
        _ indicator: IndicatorReference, year: Int, units: [UnitInfo], figures: [UnitYearFigures],
        direction: RankDirection,
        minimumDenominator: Double
    ) -> [RankingRow] {
        let byUnit = Dictionary(
            figures.filter { $0.year == year }.map { ($0.unitId, $0) },
            uniquingKeysWith: { first, _ in first })
        var rows = units.map { unit -> RankingRow in
            let resolved = IndicatorValue.resolve(
                indicator, in: byUnit[unit.id], minimumDenominator: minimumDenominator)
            return RankingRow(
                rank: nil, unit: unit, value: resolved.value, denominator: resolved.denominator,
                status: resolved.status)
        }
        let ranked = rows.indices.filter { rows[$0].status == .ranked }
        // Values sorted best first: a unit's rank is 1 + the number of strictly better values (binary search).
        let values = ranked.compactMap { rows[$0].value }.sorted { direction == .lowerIsBetter ? $0 < $1 : $0 > $1 }
        func strictlyBetter(than value: Double) -> Int {
            var low = 0
            var high = values.count
            while low < high {
                let middle = (low + high) / 2
                let isBetter = direction == .lowerIsBetter ? values[middle] < value : values[middle] > value
                if isBetter { low = middle + 1 } else { high = middle }
            }
            return low
        }
        for index in ranked {
            guard let value = rows[index].value else { continue }
            let better = strictlyBetter(than: value)
            rows[index].rank = better + 1
            // (N − rank) ÷ (N − 1): the best is 100, the last 0, ties share the better place's percentile.
            rows[index].percentile =
                values.count > 1 ? Double(values.count - better - 1) / Double(values.count - 1) * 100 : 100
        }
        // Ranked first by rank, then the unranked by why; ties by unit id. The rows' positions are sorted, not the
        // rows themselves: moving 10,000 rows of strings about was over a third of a ranking's time.
        let statusOrder: [ValueStatus] = [.ranked, .tooFew, .noDenominator, .notPrinted, .missing]
        let keys = rows.map { (status: statusOrder.firstIndex(of: $0.status) ?? statusOrder.count, rank: $0.rank) }
        let order = rows.indices.sorted { left, right in
            if keys[left].status != keys[right].status { return keys[left].status < keys[right].status }
            if let l = keys[left].rank, let r = keys[right].rank, l != r { return l < r }
            return rows[left].unit.id < rows[right].unit.id
        }
        return order.map { rows[$0] }
    }

    static func notes(_ indicator: IndicatorReference, year: Int, direction: RankDirection, minimumDenominator: Double)
        -> [String]
    {
        var notes: [String] = []
        switch direction {
        case .lowerIsBetter: notes.append("数值越低排名越前")
        case .higherIsBetter: notes.append("数值越高排名越前")
        case .neutral: notes.append("按数值从大到小排列（工作量指标，不作优劣评价）")
        }
        switch indicator {
        case .rate(let rate):
            notes.append(
                "\(rate.label) = \(rate.formula)；分母不足 \(NumberText.format(minimumDenominator)) 的单位列为“样本过少”，不参与排名")
        case .series: notes.append(ComparableSeries.breakNote)
        case .figure: break
        }
        notes.append("缺报单位不按0排名；“未填报”表示报告未列出该项")
        return notes
    }
}
