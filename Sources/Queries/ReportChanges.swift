import Configuration
import Documents
import Extraction
import Foundation
import ReaderWorkers
import ReportModel
import Storage

/// A report changed after publication: its versions, and between each version and the next the figures that
/// differ and the paragraphs removed and added.
public struct ReportChange: Sendable {
    /// The unit.
    public var unitId: String
    /// The report year.
    public var year: Int
    /// The URL the versions were fetched from.
    public var url: String
    /// The versions, oldest first.
    public var versions: [RevisedVersion]
    /// One comparison per pair of consecutive versions.
    public var steps: [ChangeStep]
}

/// What differs between two consecutive versions.
public struct ChangeStep: Sendable {
    /// The figures that differ: code, old cell and new.
    public var figures: [(code: String, old: FigureCell, new: FigureCell)]
    /// Paragraphs of the older version the newer one no longer has, at most `ReportChanges.linesShown`.
    public var removed: [String]
    /// Paragraphs of the newer version the older one did not have, at most `ReportChanges.linesShown`.
    public var added: [String]
    /// Why a version could not be compared, when one could not be read.
    public var unreadable: String?
}

/// Finds the reports changed after publication and compares their versions, each read by the reader workers.
public enum ReportChanges {
    /// Paragraphs shown per side of a text difference.
    public static let linesShown = 6
    /// Characters shown of a paragraph.
    public static let lineLength = 80

    /// Every report of `unitId` and `year` (all when nil) fetched again with other bytes, compared version by version.
    public static func find(
        in store: Store, units: [UnitConfiguration], unitId: String?, year: Int?,
        readers: DocumentReaders
    ) throws -> [ReportChange] {
        let names = Dictionary(units.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let groups = Dictionary(grouping: try store.revisedVersions(unitId: unitId, year: year)) {
            "\($0.year)\u{1F}\($0.unitId)\u{1F}\($0.url)"
        }
        return try groups.keys.sorted().compactMap { key -> ReportChange? in
            guard let versions = groups[key], let first = versions.first else { return nil }
            var reads: [Result<(figures: [String: Double?], paragraphs: [String]), ChangeFailure>] = []
            for version in versions {
                guard let record = try store.documentVersion(id: version.id) else { continue }
                reads.append(read(record, unit: names[first.unitId], readers: readers))
            }
            let steps = zip(reads, reads.dropFirst()).map(compare)
            return ReportChange(
                unitId: first.unitId, year: first.year, url: first.url, versions: versions, steps: steps)
        }
    }

    /// Why a version could not be read.
    struct ChangeFailure: Error {
        var reason: String
    }

    private static func read(_ record: DocumentVersionRecord, unit: String?, readers: DocumentReaders)
        -> Result<(figures: [String: Double?], paragraphs: [String]), ChangeFailure>
    {
        let request = ReadRequest(
            bytes: [UInt8](record.content), contentType: record.contentType,
            fileName: URL(string: record.url)?.lastPathComponent)
        switch readers.read(request) {
        case .document(let document):
            let figures =
                (try? Extractor.extract(document, hints: ExtractionHints(year: record.year, unit: unit)))
                .map { Dictionary($0.figures.map { ($0.code, $0.value) }, uniquingKeysWith: { first, _ in first }) }
                ?? [:]
            return .success((figures, document.paragraphs + document.lines))
        case .refused(let error): return .failure(ChangeFailure(reason: "\(error)"))
        case .fault(let fault): return .failure(ChangeFailure(reason: fault.description))
        }
    }

    private static func compare(
        _ old: Result<(figures: [String: Double?], paragraphs: [String]), ChangeFailure>,
        _ new: Result<(figures: [String: Double?], paragraphs: [String]), ChangeFailure>
    ) -> ChangeStep {
        switch (old, new) {
        case (.success(let before), .success(let after)):
            let codes = Set(before.figures.keys).union(after.figures.keys)
            let order = { (code: String) in IndicatorCatalogue.position(of: code) ?? Int.max }
            let figures = codes.sorted { (order($0), $0) < (order($1), $1) }.compactMap {
                code -> (String, FigureCell, FigureCell)? in
                let (was, now) = (cell(before.figures, code), cell(after.figures, code))
                return was == now ? nil : (code, was, now)
            }
            let (kept, keptAfter) = (Set(after.paragraphs), Set(before.paragraphs))
            return ChangeStep(
                figures: figures,
                removed: shown(before.paragraphs.filter { !kept.contains($0) }),
                added: shown(after.paragraphs.filter { !keptAfter.contains($0) }))
        case (.failure(let failure), _), (_, .failure(let failure)):
            return ChangeStep(figures: [], removed: [], added: [], unreadable: failure.reason)
        }
    }

    /// A version's figure of `code` as printed.
    private static func cell(_ figures: [String: Double?], _ code: String) -> FigureCell {
        figures[code].map(FigureCell.init(stored:)) ?? .notPrinted
    }

    private static func shown(_ lines: [String]) -> [String] {
        let trimmed = lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let first = trimmed.prefix(linesShown).map { $0.count > lineLength ? String($0.prefix(lineLength)) + "…" : $0 }
        return trimmed.count > linesShown ? first + ["… \(trimmed.count - linesShown) more"] : first
    }
}
