import Documents
import Extraction
import Foundation
import ReportModel
import TestSupport
import Testing

/// One fixture with what it prints (written beside it by `Fixtures/make_fixtures.py`).
struct Fixture: CustomTestStringConvertible, Sendable {
    let name: String
    var url: URL { RepositoryPaths.fixture(name, target: "ExtractionTests") }
    var testDescription: String { name }

    struct Expected: Decodable {
        let format: String
        let year: Int?
        let unit: String?
        let published: String?
        let figures: [String: Double?]
        let failed: [String]
        let uncertain: [String]?
        let warning: String?
    }

    func expected() throws -> Expected {
        let data = try Data(contentsOf: url.appendingPathExtension("expected.json"))
        return try JSONDecoder().decode(Expected.self, from: data)
    }

    /// The program nianbao reads this fixture through (`pdftotext` for PDF, `antiword` for Word 97–2003), nil
    /// when it reads the file itself.
    var converter: String? {
        if name.hasSuffix(".pdf") { return "pdftotext" }
        return name.hasSuffix(".doc") ? "antiword" : nil
    }

    static let all: [Fixture] = {
        let folder = RepositoryPaths.fixture("", target: "ExtractionTests")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".expected.json") }.sorted()
            .map { Fixture(name: String($0.dropLast(".expected.json".count))) }
    }()

    /// The fixtures nianbao reads without a converter program.
    static var readInProcess: [Fixture] { all.filter { $0.converter == nil } }

    /// The fixtures read through `converter`.
    static func read(through converter: String) -> [Fixture] { all.filter { $0.converter == converter } }
}

@Suite("Fixture reports with the quirks of real copies")
struct FixtureTests {
    @Test func everyFormatAndFileTypeIsCovered() {
        let names = Fixture.all.map(\.name)
        #expect(names.count >= 11)
        for suffix in [".html", ".txt", ".pdf", ".docx"] {
            #expect(names.contains { $0.hasSuffix(suffix) }, "\(suffix)")
        }
        for year in ["2012", "2016", "2019", "2021", "2022", "2023"] { #expect(names.contains { $0.contains(year) }) }
    }

    @Test(arguments: Fixture.readInProcess)
    func extractsExactly(_ fixture: Fixture) throws {
        try Self.extractsExactly(fixture)
    }

    @Test(
        .enabled(if: Tools.has("pdftotext"), "PDFs are read through pdftotext (poppler-utils)"),
        arguments: Fixture.read(through: "pdftotext"))
    func extractsExactlyFromPDF(_ fixture: Fixture) throws {
        try Self.extractsExactly(fixture)
    }

    @Test(
        .enabled(if: Tools.has("antiword"), "Word 97–2003 files are read through antiword"),
        arguments: Fixture.read(through: "antiword"))
    func extractsExactlyFromWord97(_ fixture: Fixture) throws {
        try Self.extractsExactly(fixture)
    }

    /// Reads `fixture` and compares everything with what it prints.
    static func extractsExactly(_ fixture: Fixture) throws {
        let expected = try fixture.expected()
        let result = try Extractor.extract(try DocumentReader.read(contentsOf: fixture.url))
        #expect(result.format.rawValue == expected.format)
        #expect(result.year == expected.year)
        #expect(result.unit == expected.unit)
        #expect(result.published == expected.published)
        let values = Dictionary(uniqueKeysWithValues: result.values.inCatalogueOrder.map { ($0.code, $0.value) })
        for (code, value) in expected.figures.sorted(by: { $0.key < $1.key }) {
            #expect(
                values[code] == .some(value),
                "\(code): read \(String(describing: values[code])), printed \(String(describing: value))")
        }
        let extra = Set(values.keys).subtracting(expected.figures.keys)
        #expect(extra.isEmpty, "read codes the fixture does not print: \(extra.sorted())")
        let failed = Set(result.audit.filter { $0.status == .fail }.map(\.rule))
        #expect(failed == Set(expected.failed))
        let uncertain = Set(result.audit.filter { $0.status == .uncertain }.map(\.rule))
        #expect(uncertain == Set(expected.uncertain ?? []))
        if let warning = expected.warning {
            #expect(result.warnings.contains { $0.contains(warning) }, "\(result.warnings)")
        }
    }
}
