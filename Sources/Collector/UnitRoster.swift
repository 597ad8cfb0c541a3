import Configuration
import Documents
import Foundation
import SwiftCSV

/// The office's roster of units as read from a sheet or a CSV file: which columns it has and each row's cells.
public struct UnitRoster: Sendable {
    /// One data row.
    public struct Row: Sendable {
        /// The row's number as the spreadsheet shows it (1 is the first row).
        public var number: Int
        /// The trimmed cells of the roster's columns.
        public var cells: [RosterColumn: String]
    }

    /// The roster file.
    public var file: String
    /// The columns found, with their position (0 is column A).
    public var columns: [RosterColumn: Int]
    /// Headers that name no roster column (a contact, a phone number…); their cells are not read.
    public var ignoredHeaders: [String]
    /// The data rows, blank rows left out.
    public var rows: [Row]

    /// The roster in `table` (rows of text cells, the first sheet of a workbook or a CSV file's records): the
    /// header is the first row naming both the id and the name columns (a title above it is skipped).
    public static func read(_ table: [[String]], file: String) throws -> UnitRoster {
        let known = Dictionary(
            RosterColumn.allCases.flatMap { column in column.headers.map { ($0, column) } },
            uniquingKeysWith: { first, _ in first })
        for (index, row) in table.enumerated() {
            var columns: [RosterColumn: Int] = [:]
            var ignored: [String] = []
            for (position, cell) in row.enumerated() {
                let header = trimmed(cell)
                guard !header.isEmpty else { continue }
                if let column = known[header.lowercased()] ?? known[header], columns[column] == nil {
                    columns[column] = position
                } else {
                    ignored.append(header)
                }
            }
            guard columns[.id] != nil, columns[.name] != nil else { continue }
            let rows = table.enumerated().dropFirst(index + 1).compactMap { number, cells -> Row? in
                let values = columns.mapValues { position in position < cells.count ? trimmed(cells[position]) : "" }
                return values.values.allSatisfy(\.isEmpty) ? nil : Row(number: number + 1, cells: values)
            }
            return UnitRoster(file: file, columns: columns, ignoredHeaders: ignored, rows: rows)
        }
        let headers = RosterColumn.allCases.map { "\($0.label) (\($0.key))" }.joined(separator: ", ")
        throw RosterError(
            file: file,
            problems: [
                "no header row naming 单位编号 (id) and 单位名称 (name); "
                    + "the columns read are \(headers)"
            ])
    }

    /// The records of a CSV file: UTF-8 with or without a byte order mark, or GBK as Excel on Chinese Windows saves it.
    public static func csvRecords(_ url: URL) throws -> [[String]] {
        let bytes: [UInt8]
        do { bytes = try LocalFile.bytes(atPath: url.path) } catch {
            throw RosterError(file: url.path, problems: ["\(error)"])
        }
        let decoded = EncodingDetector.decode(bytes, httpCharset: nil)
        guard decoded.badBytes == 0 else {
            throw RosterError(file: url.path, problems: ["cannot read the file as UTF-8 or GBK text"])
        }
        do {
            let csv = try CSV<Enumerated>(string: decoded.text, delimiter: .comma)
            return [csv.header] + csv.rows
        } catch {
            throw RosterError(file: url.path, problems: ["not valid CSV: \(error)"])
        }
    }

    /// The column's letters as a spreadsheet shows them (0 is A, 26 is AA).
    static func letters(_ position: Int) -> String {
        var number = position + 1
        var text = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            text = String(UnicodeScalar(UInt8(65 + remainder))) + text
            number = (number - 1) / 26
        }
        return text
    }

    /// A cell without surrounding spaces, full-width and no-break ones included.
    static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(
            in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{3000}\u{00A0}\u{FEFF}")))
    }
}

/// A roster that cannot be imported: every bad row and cell, with nothing changed.
public struct RosterError: Error, Sendable, CustomStringConvertible {
    /// The roster file.
    public var file: String
    /// One message per problem, each naming its row and column.
    public var problems: [String]

    /// A plain-words explanation.
    public var description: String {
        "\(file): nothing changed:\n" + problems.map { "  \($0)" }.joined(separator: "\n")
    }
}
