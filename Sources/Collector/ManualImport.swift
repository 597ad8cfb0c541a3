import Configuration
import Documents
import Export
import Extraction
import Foundation
import ReportModel
import Storage
import SwiftCSV

/// `nianbao import FILE.csv`: figures typed by hand from reports no machine can read (scans, images), stored and
/// audited like extracted ones, with provenance `manual`.
///
/// The CSV has a header row with `unit`, `year`, `code`, `value` and optionally `note` and `published` (or the
/// Chinese headers 单位编号, 年度, 指标代码, 数值, 备注, 公开日期: the date the report was published, yyyy-MM-dd,
/// the same on every row of a unit·year that gives one). An empty value is a cell printed blank. Every row is
/// checked before anything is written: one bad row and nothing is imported; a year outside the config's years is
/// a bad row.
public enum ManualImport {
    /// One imported unit·year.
    public struct Imported: Sendable {
        /// The unit id.
        public var unitId: String
        /// The report year.
        public var year: Int
        /// The format the codes belong to.
        public var format: ReportFormat
        /// Figures stored.
        public var figures: Int
        /// Audit rules that failed.
        public var failedRules: [String]
    }

    private static let headers: [String: [String]] = [
        "unit": ["unit", "单位编号"], "year": ["year", "年度"], "code": ["code", "指标代码"], "value": ["value", "数值"],
        "note": ["note", "备注"], "published": ["published", "公开日期"],
    ]

    /// Validates and imports `file`; throws `ImportError` listing every bad row, having written nothing.
    public static func run(_ configuration: Configuration, file: URL, source: String?, now: Date = Date()) throws
        -> [Imported]
    {
        let rows = try parse(file, configuration: configuration)
        let store = try Store(path: configuration.database.path)
        let groups = Dictionary(grouping: rows) { "\($0.unit)|\($0.year)" }
        var imported: [Imported] = []
        for key in groups.keys.sorted() {
            guard let group = groups[key], let first = group.first else { continue }
            let format = inferFormat(group.map(\.code), year: first.year)
            let text = (["unit,year,code,value,note"] + group.map(\.line)).joined(separator: "\n")
            let bytes = Data(text.utf8)
            let version = DocumentVersionRecord(
                id: nil, unitId: first.unit, year: first.year, url: "manual:\(file.lastPathComponent)",
                finalUrl: "manual:\(file.lastPathComponent)", sha256: CollectRun.sha256([UInt8](bytes)), content: bytes,
                contentType: "text/csv", charset: "UTF-8", etag: nil, lastModified: nil, byteCount: bytes.count,
                firstSeenAt: now)
            let versionId = try store.archive(version).versionId
            let figures = group.map { row in
                Figure(
                    code: row.code, value: row.value, kind: .manual,
                    provenance: Provenance(
                        table: "manual", row: source ?? file.lastPathComponent, column: row.note,
                        raw: row.rawValue))
            }
            let values = Dictionary(figures.map { ($0.code, $0.value) }, uniquingKeysWith: { _, last in last })
            let previous = try store.figureValues(unitId: first.unit, year: first.year - 1)
            let audit = Auditor.audit(IndicatorValues(values), format: format, previous: previous)
            try store.saveReport(
                unitId: first.unit, year: first.year,
                content: ReportContent(
                    versionId: versionId, status: .manual, format: format, printedUnit: nil, printedYear: first.year,
                    publishedOn: group.compactMap(\.published).first,
                    message: "typed by hand from \(source ?? file.lastPathComponent)", figures: figures, items: [],
                    audit: audit, warnings: []), at: now)
            imported.append(
                Imported(
                    unitId: first.unit, year: first.year, format: format, figures: figures.count,
                    failedRules: audit.filter { $0.status == .fail }.map(\.rule)))
        }
        return imported
    }

    /// The format the codes were printed in (table 二's codes and （六）'s rows tell the templates apart).
    static func inferFormat(_ codes: [String], year: Int) -> ReportFormat {
        if codes.contains(where: { $0.hasPrefix("old.") }) { return .old }
        if codes.contains(where: { $0.hasPrefix("t2v19.") || $0.hasSuffix(".result.other") }) { return .v2019 }
        if codes.contains(where: { $0.hasPrefix("t2.") || $0.contains(".result.other.") }) { return .v2021 }
        return ReportFormat.expected(forYear: year)
    }

    struct Row {
        var unit: String
        var year: Int
        var code: String
        var value: Double?
        var rawValue: String
        var note: String
        /// The 公开日期 given, yyyy-MM-dd.
        var published: String?
        var line: String
    }

    static func parse(_ file: URL, configuration: Configuration) throws -> [Row] {
        let bytes: [UInt8]
        do { bytes = try LocalFile.bytes(atPath: file.path) } catch {
            throw ImportError(file: file.path, problems: ["\(error)"])
        }
        // UTF-8 (with or without a byte order mark) or GBK, which Excel on Chinese Windows saves as "CSV".
        let decoded = EncodingDetector.decode(bytes, httpCharset: nil)
        guard decoded.badBytes == 0 else {
            throw ImportError(file: file.path, problems: ["cannot read the file as UTF-8 or GBK text"])
        }
        let text = decoded.text
        let csv: CSV<Enumerated>
        do { csv = try CSV<Enumerated>(string: text, delimiter: .comma) } catch {
            throw ImportError(file: file.path, problems: ["not valid CSV: \(error)"])
        }
        let header = csv.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var columns: [String: Int] = [:]
        for (name, aliases) in headers {
            if let index = header.firstIndex(where: aliases.contains) { columns[name] = index }
        }
        let missing = ["unit", "year", "code", "value"].filter { columns[$0] == nil }
        guard missing.isEmpty else {
            throw ImportError(
                file: file.path, problems: ["line 1: missing column(s) \(missing.joined(separator: ", "))"])
        }
        let units = Set(configuration.units.map(\.id))
        var rows: [Row] = []
        var problems: [String] = []
        var seen: [String: Int] = [:]
        var dates: [String: (date: String, line: Int)] = [:]
        for (index, cells) in csv.rows.enumerated() {
            let line = index + 2
            func cell(_ name: String) -> String {
                guard let column = columns[name], column < cells.count else { return "" }
                return cells[column].trimmingCharacters(in: .whitespaces)
            }
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            let unit = cell("unit")
            let code = cell("code")
            let rawValue = cell("value")
            var bad: [String] = []
            if !units.contains(unit) { bad.append("unit '\(unit)' is not in the config") }
            let year = Int(cell("year"))
            if year.map({ !(2000...2100).contains($0) }) ?? true {
                bad.append("year '\(cell("year"))' is not a report year")
            } else if let year, !configuration.years.contains(year) {
                bad.append(
                    "year \(year) is outside the config's years "
                        + "\(configuration.years.lowerBound)–\(configuration.years.upperBound)")
            }
            let published = cell("published").isEmpty ? nil : PublishedDate.normalized(cell("published"))
            if !cell("published").isEmpty && published == nil {
                bad.append("公开日期 '\(cell("published"))' is not a date (write 2025-01-20)")
            }
            if let year, let published, let other = dates["\(unit)|\(year)"], other.date != published {
                bad.append("公开日期 \(published) differs from \(other.date) on line \(other.line)")
            }
            if IndicatorCatalogue.indicator(code) == nil { bad.append("code '\(code)' is not in docs/indicators.md") }
            let value = Double(rawValue.replacingOccurrences(of: ",", with: ""))
            if !rawValue.isEmpty && value == nil { bad.append("value '\(rawValue)' is not a number") }
            if let year, let earlier = seen["\(unit)|\(year)|\(code)"] {
                bad.append("\(code) for \(unit) \(year) already given on line \(earlier)")
            }
            if !bad.isEmpty {
                problems.append("line \(line): " + bad.joined(separator: "; "))
                continue
            }
            guard let year else { continue }
            seen["\(unit)|\(year)|\(code)"] = line
            if let published, dates["\(unit)|\(year)"] == nil { dates["\(unit)|\(year)"] = (published, line) }
            rows.append(
                Row(
                    unit: unit, year: year, code: code, value: value, rawValue: rawValue, note: cell("note"),
                    published: published, line: cells.map(CSVQuoting.quote).joined(separator: ",")))
        }
        if !problems.isEmpty { throw ImportError(file: file.path, problems: problems) }
        if rows.isEmpty { throw ImportError(file: file.path, problems: ["no figures in the file"]) }
        return rows
    }
}

/// Rows of an import file that cannot be taken, with their line numbers.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    /// The CSV file.
    public var file: String
    /// One message per bad row.
    public var problems: [String]

    /// A plain-words explanation.
    public var description: String {
        "\(file): nothing imported:\n" + problems.map { "  \($0)" }.joined(separator: "\n")
    }
}
