import Analysis
import Collector
import DemoCity
import Export
import Queries
import Testing

/// Rankings and trends read back from a collected store: every unit·year merged with the right report's values.
@Suite("Rankings and trends over the collected demo city", .serialized)
struct StoreQueriesTests {
    /// What `code` is in the generator's report, resolved as the analysis resolves it (nil: no value to show).
    func truth(_ code: String, _ unitId: String, _ year: Int, minimumDenominator: Double) -> (Double?, ValueStatus) {
        guard let report = DemoCity.report(unitId, year) else { return (nil, .missing) }
        let figures = UnitYearFigures(
            unitId: unitId, year: year, format: report.format,
            values: report.figures.mapValues { Optional($0) })
        let resolved = IndicatorValue.resolve(
            try! StoreQueries.indicator(code), in: figures, minimumDenominator: minimumDenominator)
        return (resolved.value, resolved.status)
    }

    @Test func everyTrendCellAndRankingValueIsThatOfTheUnitsOwnReport() async throws {
        let demo = try DemoCopy()
        _ = try await CollectRun.run(demo.configuration, options: CollectOptions())
        let queries = try StoreQueries(configuration: demo.configuration)
        for code in ["series.applications", "t3.total.new_received", "old.apply.received", "rate.disclosed"] {
            let trend = try queries.trend(try StoreQueries.indicator(code), from: nil, to: nil, unitIds: [])
            #expect(trend.rows.map(\.unit.id) == demo.configuration.units.map(\.id))
            var checked = 0
            for row in trend.rows {
                for year in trend.years {
                    let (value, status) = truth(code, row.unit.id, year, minimumDenominator: 0)
                    #expect(row[year]?.value == value, "\(code) \(row.unit.id) \(year)")
                    if status == .missing { #expect(row[year]?.status == .missing, "\(row.unit.id) \(year)") }
                    if value != nil { checked += 1 }
                }
            }
            #expect(checked > 20, "\(code): the demo prints it in many reports")
        }
        let minimum = demo.configuration.analysis.minimumDenominator
        for year in [2018, 2019, 2025] {
            let ranking = try queries.rank(try StoreQueries.indicator("rate.disclosed"), year: year, group: nil)
            for row in ranking.rows {
                let (value, status) = truth("rate.disclosed", row.unit.id, year, minimumDenominator: minimum)
                #expect(row.value == value && row.status == status, "\(row.unit.id) \(year)")
            }
        }
    }

    @Test func aLongTrendExportHoldsEveryCodeGivenAndAWideOneRefusesSeveral() async throws {
        let demo = try DemoCopy()
        _ = try await CollectRun.run(demo.configuration, options: CollectOptions())
        let queries = try StoreQueries(configuration: demo.configuration)
        let codes = ["series.applications", "rate.disclosed"]
        let table = try CSVExport.table(.trends, of: queries, year: 2025, layout: .long, indicators: codes)
        let perCode = demo.configuration.years.count * (demo.configuration.units.count + 1)  // units and the city
        #expect(table.rows.count == 2 * perCode)
        let codeColumn = try #require(table.columns.firstIndex { $0.header == "指标代码" })
        #expect(Set(table.rows.map { "\($0[codeColumn])" }) == Set(codes.map { "\(TableCell.text($0))" }))
        #expect(table.columns.first { $0.header == "数值" }?.unit == "见指标", "no single unit for two codes")
        #expect(
            try CSVExport.table(.trends, of: queries, year: 2025, layout: .long, indicators: ["rate.disclosed"]).rows
                .count
                == perCode)
        #expect {
            try CSVExport.table(.trends, of: queries, year: 2025, layout: .wide, indicators: codes)
        } throws: { error in
            "\(error)".contains("a wide trend export takes one --indicator")
        }
    }
}
