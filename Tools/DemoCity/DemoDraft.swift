extension DemoCity {
    /// The report of the unpublished unit·year (紫帽镇 2025) as its draft would print it: consistent, in the same
    /// layout as the demo city's published reports, carrying on from the unit's stored 2024 report.
    public static var unpublishedDraft: DemoReport {
        let (unitId, year) = DemoScenario.unpublished
        guard let unit = DemoUnits.all.first(where: { $0.id == unitId }),
            let draft = reports(for: unit, includingUnpublished: true).first(where: { $0.year == year })
        else {
            preconditionFailure("the demo's unpublished unit·year \(unitId) \(year) is one of its units and years")
        }
        return draft
    }
}
