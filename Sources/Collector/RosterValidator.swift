import Configuration
import Foundation

/// Checks a roster's rows against the config: every bad cell is collected, with its row and column.
struct RosterValidator {
    /// A row that passed: its id and the value of each of the roster's other columns (nil: the cell is empty,
    /// and the field is removed), normalised as the units file writes them.
    struct ValidRow {
        var id: String
        var values: [RosterColumn: String?]
    }

    let roster: UnitRoster
    let configuration: Configuration
    let fileEntries: [UnitsFileEntry]

    /// The rows, each checked; throws a `RosterError` listing every problem when any row has one.
    /// `ownUnits` are the units the config itself defines: a roster row may name one only with the same values.
    func validRows(ownUnits: [String: UnitConfiguration]) throws -> [ValidRow] {
        var problems: [String] = []
        var firstRow: [String: Int] = [:]
        let ids = Set(roster.rows.map { $0.cells[.id] ?? "" } + fileEntries.map(\.id) + configuration.units.map(\.id))
        var idsByName: [String: String] = [:]
        for unit in configuration.units { idsByName[unit.name] = unit.id }
        for entry in fileEntries { if let name = entry.fields[.name] { idsByName[name] = entry.id } }
        for row in roster.rows { if let name = row.cells[.name], let id = row.cells[.id] { idsByName[name] = id } }
        var rows: [ValidRow] = []
        for row in roster.rows {
            var bad: [(position: Int, message: String)] = []
            func problem(_ column: RosterColumn, _ message: String) {
                let position = roster.columns[column] ?? 0
                bad.append(
                    (
                        position,
                        "row \(row.number), column \(UnitRoster.letters(position)) (\(column.label)): \(message)"
                    ))
            }
            let id = row.cells[.id] ?? ""
            if id.isEmpty
                || !id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
            {
                problem(.id, "'\(id)' is not a unit id (lower-case letters, digits and '-')")
            } else if let earlier = firstRow[id] {
                problem(.id, "unit '\(id)' is already on row \(earlier)")
            } else {
                firstRow[id] = row.number
            }
            var values: [RosterColumn: String?] = [:]
            for column in roster.columns.keys where column != .id {
                let cell = row.cells[column] ?? ""
                switch checked(column, cell, id: id, ids: ids, idsByName: idsByName) {
                case .success(let value): values[column] = value
                case .failure(let message): problem(column, message.text)
                }
            }
            if let unit = ownUnits[id] {
                for column in Self.differences(values, from: unit) {
                    problem(
                        column,
                        "unit '\(id)' is defined in \(configuration.file.lastPathComponent) with "
                            + "\(column.key) '\(Self.value(of: unit, column) ?? "")'; change it there, or "
                            + "move the unit to \(configuration.unitsFile?.lastPathComponent ?? "the units file")")
                }
            }
            problems += bad.sorted { $0.position < $1.position }.map(\.message)
            if bad.isEmpty { rows.append(ValidRow(id: id, values: values)) }
        }
        if roster.rows.isEmpty { problems.append("no units below the header row") }
        guard problems.isEmpty else { throw RosterError(file: roster.file, problems: problems) }
        return rows
    }

    /// A message for a bad cell.
    struct Message: Error { var text: String }

    /// One cell's value as the units file writes it, nil for an empty optional cell.
    private func checked(
        _ column: RosterColumn, _ cell: String, id: String, ids: Set<String>,
        idsByName: [String: String]
    ) -> Result<String?, Message> {
        if cell.isEmpty { return column == .name ? .failure(Message(text: "a unit needs a name")) : .success(nil) }
        switch column {
        case .id, .name, .kind: return .success(cell)
        case .code:
            guard cell.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else {
                return .failure(
                    Message(
                        text: "'\(cell)' is not a 行政区划代码 (digits only; format the column as text "
                            + "so that Excel keeps every digit)"))
            }
            return .success(cell)
        case .parent:
            if cell == "city" || cell == "全市" { return .success("city") }
            guard let parent = ids.contains(cell) ? cell : idsByName[cell] else {
                return .failure(Message(text: "'\(cell)' is no unit's id or name (nor city)"))
            }
            return parent == id ? .failure(Message(text: "a unit cannot roll up into itself")) : .success(parent)
        case .deadline:
            guard let deadline = Self.deadline(cell) else {
                return .failure(
                    Message(text: "'\(cell)' is not a deadline: write the month and day, as 01-31 or 1月31日"))
            }
            return .success(deadline.description)
        case .listing, .urlTemplate:
            guard let url = URL(string: cell), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
                url.host?.isEmpty == false
            else {
                return .failure(Message(text: "'\(cell)' is not an http or https address"))
            }
            if column == .urlTemplate && !cell.contains("{year}") {
                return .failure(Message(text: "'\(cell)' has no {year} in it"))
            }
            return .success(cell)
        }
    }

    /// A deadline written "01-31", "1-31", "1/31" or "1月31日".
    static func deadline(_ text: String) -> MonthDay? {
        var normalised = text.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: "月", with: "-")
        if normalised.hasSuffix("日") { normalised.removeLast() }
        return MonthDay(parsing: normalised)
    }

    /// The roster's columns whose value differs from what the config says of `unit`.
    static func differences(_ values: [RosterColumn: String?], from unit: UnitConfiguration) -> [RosterColumn] {
        values.keys.sorted { $0.key < $1.key }.filter { column in
            let given = values[column] ?? nil
            let configured = value(of: unit, column)
            return column == .kind ? (given ?? "单位") != configured : given != configured
        }
    }

    /// What the config says of `unit` in `column`, as the roster would write it.
    static func value(of unit: UnitConfiguration, _ column: RosterColumn) -> String? {
        switch column {
        case .id: unit.id
        case .name: unit.name
        case .kind: unit.kind
        case .code: unit.code
        case .parent: unit.parent
        case .deadline: unit.deadline?.description
        case .listing: unit.listing
        case .urlTemplate: unit.urlTemplate
        }
    }
}
