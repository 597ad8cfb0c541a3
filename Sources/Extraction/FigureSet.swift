import ReportModel

/// The figures of one report while they are being read: the first reading of a code wins, and a later
/// different reading of the same code is reported as a warning rather than silently replacing it.
struct FigureSet {
    private(set) var byCode: [String: Figure]
    private(set) var order: [String]
    var warnings: [String] = []

    /// An empty set with room for a 2021-template report's figures, so that reading one never rehashes.
    init() {
        byCode = Dictionary(minimumCapacity: 256)
        order = []
        order.reserveCapacity(256)
    }

    mutating func add(_ code: String, _ cell: CellValue, table: String, row: String, column: String) {
        let kind: CellKind
        switch cell.kind {
        case .number: kind = .number
        case .blank: kind = .blank
        case .placeholder: kind = .placeholder
        case .text: return
        }
        add(Figure(code: code, value: cell.value, kind: kind,
                   provenance: Provenance(table: table, row: row, column: column, raw: cell.raw)))
    }

    mutating func add(_ figure: Figure) {
        guard IndicatorCatalogue.indicator(figure.code) != nil else { return }
        if let existing = byCode[figure.code] {
            if existing.value != figure.value {
                warnings.append("\(figure.code) printed twice: \(NumberText.format(existing.value)) (kept) and "
                                + "\(NumberText.format(figure.value)) (\(figure.provenance.table) \(figure.provenance.row))")
            }
            return
        }
        byCode[figure.code] = figure
        order.append(figure.code)
    }

    mutating func replace(_ figure: Figure) {
        if byCode[figure.code] == nil { order.append(figure.code) }
        byCode[figure.code] = figure
    }

    func contains(_ code: String) -> Bool { byCode[code] != nil }

    /// How many figures have a code starting with one of `prefixes`.
    func count(prefixes: [String]) -> Int { order.filter { code in prefixes.contains { code.hasPrefix($0) } }.count }

    /// Takes the figures of `prefixes` (and the warnings) from `other`.
    mutating func adopt(_ other: FigureSet, prefixes: [String]) {
        for code in other.order where prefixes.contains(where: { code.hasPrefix($0) }) {
            if let figure = other.byCode[code] { add(figure) }
        }
        warnings += other.warnings
    }

    var figures: [Figure] { order.compactMap { byCode[$0] } }

    var values: [String: Double?] { byCode.mapValues(\.value) }
}
