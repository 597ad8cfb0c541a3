import Configuration
import Documents
import DraftCheck
import Extraction
import Foundation
import ReaderWorkers
import ReportModel
import Storage

/// One draft checked by `nianbao check`.
public struct CheckedDraft: Sendable {
    /// The file as given.
    public var file: String
    /// The configured unit it was checked for, when known.
    public var unitId: String?
    /// The report year it was checked for, when known.
    public var year: Int?
    /// The format read.
    public var format: ReportFormat
    /// Its problems, with the severities of the config's `check` lists.
    public var problems: [CheckProblem]
    /// What was not checked and why (no database, no stored report of last year).
    public var notes: [String]
    /// Why the file could not be read as a report, when it could not.
    public var error: String?

    /// Whether a problem blocks publication.
    public var blocks: Bool { problems.contains { $0.severity == .block } }
}

/// `nianbao check`: reads drafts through the reader workers and the extractor, as `extract` does, tells which
/// unit and year each is, and checks it against the stored reports of the database, when there is one.
public enum DraftCheckRun {
    /// Checks `files` (read through `readers`); `unitId` (one of the config's) and `year` apply to every file when
    /// given.
    public static func check(
        _ files: [String], unitId: String?, year: Int?, configuration: Configuration,
        readers: DocumentReaders
    ) throws -> [CheckedDraft] {
        let store =
            FileManager.default.fileExists(atPath: configuration.database.path)
            ? try Store(path: configuration.database.path, access: .readOnly) : nil
        let identity = DraftIdentity(units: configuration.units)
        return try files.map { file in
            try check(
                file, unitId: unitId, year: year, configuration: configuration, readers: readers, store: store,
                identity: identity)
        }
    }

    private static func check(
        _ file: String, unitId requestedUnit: String?, year requestedYear: Int?,
        configuration: Configuration, readers: DocumentReaders, store: Store?,
        identity: DraftIdentity
    ) throws -> CheckedDraft {
        func unreadable(_ error: Any) -> CheckedDraft {
            CheckedDraft(
                file: file, unitId: requestedUnit, year: requestedYear, format: .unknown, problems: [], notes: [],
                error: "\(error)")
        }
        let document: Document
        do {
            let request = ReadRequest(
                bytes: try LocalFile.bytes(atPath: file), contentType: nil,
                fileName: (file as NSString).lastPathComponent)
            switch readers.read(request) {
            case .document(let read): document = read
            case .refused(let error): return unreadable(error)
            case .fault(let fault): return unreadable(fault)
            }
        } catch {
            return unreadable(error)
        }
        var extraction: ExtractionResult
        do {
            extraction = try Extractor.extract(document, hints: ExtractionHints(year: requestedYear))
        } catch {
            return unreadable(error)
        }
        let resolved = identity.resolve(
            printedUnit: extraction.printedUnit, printedYear: extraction.printedYear,
            unitId: requestedUnit, year: requestedYear)
        var notes: [String] = []
        var previous: [String: Double?]?
        var stored: StoredText?
        if let store, let unitId = resolved.unitId, let year = resolved.year {
            previous = try store.figureValues(unitId: unitId, year: year - 1)
            if previous != nil {
                let unitName = configuration.units.first { $0.id == unitId }?.name
                extraction = try Extractor.extract(
                    document, hints: ExtractionHints(year: year, unit: unitName, previous: previous))
            } else {
                notes.append("\(unitId) \(year - 1) 无已存报告：未核对跨年度衔接与重复率")
            }
            let previousYear = try store.sentenceHashes(year: year - 1)
            stored = StoredText(
                previous: previousYear[unitId], previousYear: previousYear,
                sameYear: try store.sentenceHashes(year: year).filter { $0.key != unitId },
                unitNames: Dictionary(
                    configuration.units.map { ($0.id, $0.name) },
                    uniquingKeysWith: { first, _ in first }),
                templateShare: configuration.analysis.quality.templateShare)
        } else if store == nil {
            notes.append("无数据库（\(configuration.database.path)）：未与已存报告比较（重复、照抄、跨年度）")
        }
        let problems = resolved.problems + DraftChecker.check(document, extraction, previous: previous, stored: stored)
        return CheckedDraft(
            file: file, unitId: resolved.unitId, year: resolved.year, format: extraction.format,
            problems: configuration.check.applied(to: problems), notes: notes, error: nil)
    }

    /// Puts every draft's problems into the problem list (`Store.recordDraftProblems`); every draft must have a
    /// unit and a year, else nothing is recorded. Returns what changed per draft.
    public static func record(_ drafts: [CheckedDraft], configuration: Configuration) throws -> [ProblemSync] {
        let unknown = drafts.filter { $0.error == nil && ($0.unitId == nil || $0.year == nil) }.map(\.file)
        guard unknown.isEmpty else { throw DraftRecordError(files: unknown) }
        let store = try Store(path: configuration.database.path)
        return try drafts.compactMap { draft in
            guard draft.error == nil, let unitId = draft.unitId, let year = draft.year else { return nil }
            return try store.recordDraftProblems(
                unitId: unitId, year: year,
                draft.problems.map { problem in
                    DraftProblemRecord(
                        rule: problem.rule, cells: problem.cells,
                        outcome: problem.actor == .reading ? .uncertain : .fail,
                        message: problem.message)
                })
        }
    }
}

/// `--record` of drafts whose unit or year is not known.
public struct DraftRecordError: Error, Sendable, CustomStringConvertible {
    /// The drafts.
    public var files: [String]

    /// A plain-words explanation.
    public var description: String {
        "cannot record the problems of \(files.joined(separator: ", ")): the unit or year is not known; give --unit and --year"
    }
}
