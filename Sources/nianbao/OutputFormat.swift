import ArgumentParser
import Export
import Foundation

/// How a read command prints its table.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json

    /// Prints `table` to stdout in this format.
    func print(_ table: DataTable) throws {
        switch self {
        case .table, .json: Swift.print(try text(table))
        case .csv: try CSVWriter.export(table, to: nil, profile: .plain)
        }
    }

    /// `table` as a terminal table or as a JSON array of objects keyed by the headers (numbers as numbers,
    /// missing as null); CSV is written by `CSVWriter`.
    func text(_ table: DataTable) throws -> String {
        guard self == .json else { return TextTableRenderer.render(table) }
        let objects = table.rows.map { row in
            Dictionary(
                zip(table.columns.map(\.header), row.map(JSONCell.init)), uniquingKeysWith: { first, _ in first })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(objects), as: UTF8.self)
    }
}

/// A table cell as JSON: numbers as numbers, missing as null.
struct JSONCell: Encodable {
    let cell: TableCell
    init(_ cell: TableCell) { self.cell = cell }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch cell {
        case .text(let text): try container.encode(text)
        case .number(let value): try container.encode(value)
        }
    }
}
