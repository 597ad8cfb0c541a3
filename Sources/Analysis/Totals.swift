import ReportModel

/// The city total of one code in one year.
public struct CityTotal: Sendable, Hashable {
    /// The indicator or series.
    public var indicator: IndicatorReference
    /// The sum over the units that print it (nil when none does).
    public var total: Double?
    /// Units whose value is in the sum.
    public var reporting: Int
    /// Units counted in the city (units that roll up others are left out, so nothing is counted twice).
    public var units: Int
}

/// A 层级汇总 check: a unit's own printed figure against the sum of the units that roll up into it.
public struct RollUpCheck: Sendable, Hashable {
    /// The unit whose report is a summary.
    public var parent: UnitInfo
    /// The indicator or series compared.
    public var indicator: IndicatorReference
    /// What the parent's report prints.
    public var printed: Double?
    /// The sum over its children that print the code.
    public var childrenSum: Double
    /// Children whose value is in the sum.
    public var childrenReporting: Int
    /// All children.
    public var children: Int

    /// The verdict in the office's words.
    public var verdict: String {
        guard let printed else { return "上级未填报" }
        if childrenReporting < children { return "下级缺报，无法核对" }
        return abs(printed - childrenSum) < 1e-6 ? "一致" : "不一致"
    }
}

/// City totals and 层级汇总 checks over stored figures.
public enum Totals {
    /// The city total of each code: the sum over units that are not summaries of other units.
    public static func cityTotals(
        _ indicators: [IndicatorReference], year: Int, units: [UnitInfo], figures: [UnitYearFigures]
    ) -> [CityTotal] {
        let parents = Set(units.compactMap(\.parent))
        let leaves = units.filter { !parents.contains($0.id) }
        let byUnit = Dictionary(
            figures.filter { $0.year == year }.map { ($0.unitId, $0) }, uniquingKeysWith: { first, _ in first })
        return indicators.map { indicator in
            let values = leaves.compactMap { unit -> Double? in
                let resolved = IndicatorValue.resolve(indicator, in: byUnit[unit.id], minimumDenominator: 0)
                return resolved.status == .ranked ? resolved.value : nil
            }
            return CityTotal(
                indicator: indicator, total: values.isEmpty ? nil : sum(values), reporting: values.count,
                units: leaves.count)
        }
    }

    /// The sum of printed values, without the binary noise of adding decimals (504.72 万元, not
    /// 504.71999999999997): rounded to millionths, finer than anything a report prints.
    static func sum(_ values: [Double]) -> Double {
        (values.reduce(0, +) * 1_000_000).rounded() / 1_000_000
    }

    /// For every unit that others roll up into and that has a report: its printed value against its children's sum.
    public static func rollUps(
        _ indicators: [IndicatorReference], year: Int, units: [UnitInfo], figures: [UnitYearFigures]
    ) -> [RollUpCheck] {
        let byUnit = Dictionary(
            figures.filter { $0.year == year }.map { ($0.unitId, $0) }, uniquingKeysWith: { first, _ in first })
        var checks: [RollUpCheck] = []
        for parent in units where byUnit[parent.id] != nil {
            let children = units.filter { $0.parent == parent.id }
            guard !children.isEmpty else { continue }
            for indicator in indicators {
                let printed = IndicatorValue.resolve(indicator, in: byUnit[parent.id], minimumDenominator: 0)
                let values = children.compactMap { child -> Double? in
                    let resolved = IndicatorValue.resolve(indicator, in: byUnit[child.id], minimumDenominator: 0)
                    return resolved.status == .ranked ? resolved.value : nil
                }
                checks.append(
                    RollUpCheck(
                        parent: parent, indicator: indicator, printed: printed.status == .ranked ? printed.value : nil,
                        childrenSum: sum(values), childrenReporting: values.count,
                        children: children.count))
            }
        }
        return checks
    }
}
