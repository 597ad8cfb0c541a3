import ReportModel

/// The figures of many reports for the few codes an analysis needs, held in one block: a slot per report and
/// code. Rankings and trends read hundreds of thousands of reports, and a dictionary per report was the largest
/// part of their time.
public final class FigureColumns: Sendable {
    /// The codes, one column each.
    public let codes: [String]
    /// Report after report, a cell per code.
    private let slots: [FigureCell]

    /// Columns of `codes` over `slots`, laid out report after report.
    public init(codes: [String], slots: [FigureCell]) {
        precondition(codes.isEmpty ? slots.isEmpty : slots.count % codes.count == 0, "a whole number of reports")
        self.codes = codes
        self.slots = slots
    }

    /// The slot of `code` in report `row` (codes are few: a scan is faster than hashing).
    func value(of code: String, row: Int) -> FigureCell {
        for (column, candidate) in codes.enumerated() where candidate == code {
            return slots[row * codes.count + column]
        }
        return .notPrinted
    }
}

/// One report's figures, a row of `FigureColumns`.
public struct FigureValues: Sendable, Hashable {
    private let columns: FigureColumns
    private let row: Int

    /// Report `row` of `columns`.
    public init(_ columns: FigureColumns, row: Int) {
        self.columns = columns
        self.row = row
    }

    /// One report's figures given by code.
    public init(_ values: [String: Double?]) {
        let codes = Array(values.keys)
        self.init(FigureColumns(codes: codes, slots: codes.map { FigureCell(stored: values[$0] ?? nil) }), row: 0)
    }

    /// The figure of `code` as the report prints it.
    public subscript(code: String) -> FigureCell { columns.value(of: code, row: row) }

    /// The figures the report prints, by code.
    public var dictionary: [String: Double?] {
        var result: [String: Double?] = [:]
        for code in columns.codes {
            let cell = self[code]
            if cell.isPrinted { result[code] = .some(cell.number) }
        }
        return result
    }

    public static func == (left: FigureValues, right: FigureValues) -> Bool { left.dictionary == right.dictionary }

    public func hash(into hasher: inout Hasher) { hasher.combine(dictionary) }
}
