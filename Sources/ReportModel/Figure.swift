/// How a cell was printed, before it became a number.
public enum CellKind: String, Sendable, Codable, Hashable {
    /// A number was printed.
    case number
    /// Printed blank, read as 0.
    case blank
    /// A placeholder (—, -, /, 无), read as 0.
    case placeholder
    /// A blank total beside non-zero parts: not printed, so missing (the implied value is noted).
    case blankTotal = "blank_total"
    /// Stated in prose rather than a table.
    case prose
    /// Typed in by hand from a report no machine can read.
    case manual
}

/// Where a figure came from, so an analyst can find it in the report.
public struct Provenance: Sendable, Codable, Hashable {
    /// The table (for example `表三`) or `正文` for prose, `manual` for hand-typed figures.
    public var table: String
    /// The row label as printed.
    public var row: String
    /// The column label as printed (empty for prose).
    public var column: String
    /// The raw cell text or the prose sentence.
    public var raw: String
    /// Where OCR read the printed cell and how sure it was, for a figure read from a scan's table; nil otherwise.
    public var scan: ScanReading?

    /// Creates a provenance record.
    public init(table: String, row: String, column: String, raw: String, scan: ScanReading? = nil) {
        self.table = table
        self.row = row
        self.column = column
        self.raw = raw
        self.scan = scan
    }
}

/// One indicator value read from one report.
public struct Figure: Sendable, Codable, Hashable {
    /// The indicator code.
    public var code: String
    /// The value; nil when the report prints the cell blank where 0 is impossible.
    public var value: Double?
    /// How the cell was printed.
    public var kind: CellKind
    /// Where it came from.
    public var provenance: Provenance

    /// Creates a figure.
    public init(code: String, value: Double?, kind: CellKind, provenance: Provenance) {
        self.code = code
        self.value = value
        self.kind = kind
        self.provenance = provenance
    }
}

/// A category breakdown line kept as printed (for example "机构职能、人事类信息" 11).
public struct LabelledItem: Sendable, Codable, Hashable {
    /// The printed Chinese label.
    public var label: String
    /// The printed count.
    public var count: Double
    /// The printed share in percent, when given.
    public var percent: Double?

    /// Creates a labelled item.
    public init(label: String, count: Double, percent: Double?) {
        self.label = label
        self.count = count
        self.percent = percent
    }
}
