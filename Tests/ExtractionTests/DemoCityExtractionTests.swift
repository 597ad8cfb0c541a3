import DemoCity
import Documents
import Extraction
import Foundation
import ReportModel
import Testing

@Suite("Every demo report extracts to the generator's truth")
struct DemoCityExtractionTests {
    static let generated = DemoCity.reports.filter { !$0.isRealSeed }

    @Test(arguments: generated)
    func extractsExactly(_ report: DemoReport) throws {
        try expectExtractsToTruth(report)
    }

    /// The speed batch's first four units, laid out as portals publish them (two typed into the portal's
    /// editor, two pasted from Word), GB18030 pages among them.
    static let published = DemoBatch.reports(count: 36)

    @Test(arguments: published)
    func publishedPagesExtractExactly(_ report: DemoReport) throws {
        try expectExtractsToTruth(report)
    }

    @Test func thePublishedBatchHasEveryLayoutAndEncoding() {
        #expect(Set(Self.published.map(\.layout)) == [.portal, .pastedFromWord])
        #expect(Set(Self.published.map(\.encoding)).isSuperset(of: [.utf8, .gbk]))
        #expect(Set(Self.published.map(\.format)) == [.old, .v2019, .v2021])
    }

    private func expectExtractsToTruth(_ report: DemoReport) throws {
        let bytes = try #require(DemoCity.bytes(of: report))
        let document = try DocumentReader.read(bytes, fileName: report.fileName)
        let result = try Extractor.extract(document)
        #expect(result.format == report.format)
        #expect(result.year == report.year)
        #expect(result.unit == report.unit.body || result.unit == report.unit.name)
        let published = report.published
        #expect(result.published == String(format: "%04d-%02d-%02d", published.year, published.month, published.day))
        let values = Dictionary(uniqueKeysWithValues: result.values.inCatalogueOrder.map { ($0.code, $0.value) })
        for (code, truth) in report.figures {
            #expect(
                values[code] == .some(truth),
                "\(report.fileName) \(code): \(String(describing: values[code])) ≠ \(truth)")
        }
        let unexpected = Set(values.keys).subtracting(report.figures.keys)
        #expect(unexpected.isEmpty, "\(report.fileName) read codes it does not print: \(unexpected.sorted())")
        let failed = Set(result.audit.filter { $0.status == .fail }.map(\.rule))
        #expect(failed == report.plantedFailures, "\(report.fileName)")
        #expect(!result.audit.contains { $0.status == .uncertain }, "\(report.fileName)")
        if report.format == .old { #expect(result.items.count == report.items.count) }
    }
}

extension DemoReport: CustomTestStringConvertible {
    public var testDescription: String { fileName }
}
