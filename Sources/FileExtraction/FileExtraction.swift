import Documents
import Extraction
import Foundation
import ReaderWorkers
import ReportModel

/// Local files read into figures and audit, storing nothing: what `nianbao extract` prints and what `nianbao check`
/// reads its drafts with.
public enum FileExtraction {
    /// One file's result in the JSON shape the README shows.
    public struct Output: Encodable, Sendable {
        /// The file as given on the command line.
        public var file: String
        /// `old`, `2019`, `2021` or `unknown`.
        public var format: String
        /// The report year as printed (or given).
        public var year: Int?
        /// The unit name as printed (or given).
        public var unit: String?
        /// The publication date printed on the page (yyyy-MM-dd).
        public var published: String?
        /// Figures by code (null for a printed blank total).
        public var figures: IndicatorValues
        /// Audit results.
        public var audit: [AuditLine]
        /// Reading warnings.
        public var warnings: [String]
        /// Set when the file could not be read as a report.
        public var error: String?

        enum CodingKeys: String, CodingKey { case file, format, year, unit, published, figures, audit, warnings, error }

        /// Encodes in the JSON shape the README shows, figures in code order.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(file, forKey: .file)
            try container.encode(format, forKey: .format)
            try container.encode(year, forKey: .year)
            try container.encode(unit, forKey: .unit)
            try container.encode(published, forKey: .published)
            var figureContainer = container.nestedContainer(keyedBy: AnyKey.self, forKey: .figures)
            for (code, value) in figures.inCodeByteOrder {
                try figureContainer.encode(value, forKey: AnyKey(code))
            }
            try container.encode(audit, forKey: .audit)
            try container.encode(warnings, forKey: .warnings)
            try container.encodeIfPresent(error, forKey: .error)
        }
    }

    /// One audit line of the JSON output.
    public struct AuditLine: Encodable, Sendable {
        /// The rule name.
        public var rule: String
        /// `pass`, `fail`, `uncertain` or `not_assessable`.
        public var status: String
        /// Details in plain words.
        public var message: String
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The files to read for `paths`: a file as given, a folder as every file beneath it (hidden ones and hidden
    /// folders skipped), in path order. A folder keeps the command line short for thousands of reports, whose
    /// parsing as separate arguments grows with the square of their number.
    public static func files(_ paths: [String]) -> [String] {
        paths.flatMap { path in
            files(beneath: path, followingLinks: true).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        }
    }

    /// `path` itself, or every file beneath it when it is a folder. Beneath a folder given, a link is read as the
    /// file it names, never walked into (a link to a folder above could send the walk round in circles).
    private static func files(beneath path: String, followingLinks: Bool) -> [String] {
        guard isFolder(path, followingLinks: followingLinks),
            let entries = try? FileManager.default.contentsOfDirectory(atPath: path)
        else { return [path] }
        let folder = path.hasSuffix("/") ? path : path + "/"
        return entries.filter { !$0.hasPrefix(".") }.flatMap { files(beneath: folder + $0, followingLinks: false) }
    }

    /// One `stat` (or `lstat`): asking `FileManager` for every entry's attributes had been 3 % of extracting a
    /// folder of reports.
    private static func isFolder(_ path: String, followingLinks: Bool) -> Bool {
        var status = stat()
        let found = followingLinks ? stat(path, &status) : lstat(path, &status)
        return found == 0 && status.st_mode & S_IFMT == S_IFDIR
    }

    /// Extracts one file with `readers`; a file that cannot be read gets an `error` instead of figures.
    public static func extract(_ file: String, year: Int?, unit: String?, readers: DocumentReaders) -> Output {
        let bytes: [UInt8]
        do {
            bytes = try LocalFile.bytes(atPath: file)
        } catch {
            return failure(file, "\(error)")
        }
        let request = ReadRequest(bytes: bytes, contentType: nil, fileName: (file as NSString).lastPathComponent)
        let document: Document
        switch readers.read(request) {
        case .document(let read): document = read
        case .refused(let error): return failure(file, "\(error)")
        case .fault(let fault): return failure(file, "\(fault)")
        }
        do {
            let result = try Extractor.extract(document, hints: ExtractionHints(year: year, unit: unit))
            return Output(
                file: file, format: result.format.rawValue, year: result.year, unit: result.unit,
                published: result.published,
                figures: result.values,
                audit: result.audit.map { AuditLine(rule: $0.rule, status: $0.status.rawValue, message: $0.message) },
                warnings: result.warnings, error: nil)
        } catch {
            return failure(file, "\(error)")
        }
    }

    private static func failure(_ file: String, _ message: String) -> Output {
        Output(
            file: file, format: ReportFormat.unknown.rawValue, year: nil, unit: nil, published: nil, figures: [:],
            audit: [],
            warnings: [], error: message)
    }
}
