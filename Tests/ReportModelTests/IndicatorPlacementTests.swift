import ReportModel
import Testing

/// Every catalogue indicator has its place in the generated `docs/indicators.md`, and only those.
struct IndicatorPlacementTests {
    @Test func everyCatalogueCodeIsPlaced() {
        let unplaced = IndicatorCatalogue.all.map(\.code).filter { IndicatorPlacement.of($0) == nil }
        #expect(unplaced.isEmpty, "add to IndicatorPlacement: \(unplaced)")
        #expect(IndicatorPlacement.of("series.applications") == nil && IndicatorPlacement.of("rate.disclosed") == nil)
    }
}
