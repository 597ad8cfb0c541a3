import ReportModel

/// The figures of one report while they are being read: the first reading of a code wins, and a later
/// different reading of the same code is reported as a warning rather than silently replacing it.
struct FigureSet {
    /// The figures in reading order, one per code.
    private(set) var figures: [Figure]
    /// The catalogue position of each figure's code.
    private var catalogued: [Int] = []
    /// By catalogue position: the figure's place in `figures`, -1 when the code has not been read.
    private var places: [Int]
    var warnings: [String] = []

    /// An empty set with room for a 2021-template report's figures, so that reading one never grows.
    init() {
        places = Array(repeating: -1, count: IndicatorCatalogue.all.count)
        figures = []
        figures.reserveCapacity(256)
        catalogued.reserveCapacity(256)
    }

    /// The figure read for `code`, if any.
    subscript(code: String) -> Figure? {
        guard let position = IndicatorCatalogue.position(of: code), places[position] >= 0 else { return nil }
        return figures[places[position]]
    }

    mutating func add(_ code: String, _ cell: CellValue, table: String, row: String, column: String) {
        add(code, at: IndicatorCatalogue.position(of: code), cell, table: table, row: row, column: column)
    }

    /// `add` of a code whose catalogue position is already known (codes made once, by tables read many times).
    mutating func add(_ code: String, at position: Int?, _ cell: CellValue, table: String, row: String, column: String)
    {
        let kind: CellKind
        switch cell.kind {
        case .number: kind = .number
        case .blank: kind = .blank
        case .placeholder: kind = .placeholder
        case .text: return
        }
        add(
            Figure(
                code: code, value: cell.value, kind: kind,
                provenance: Provenance(
                    table: table, row: row, column: column, raw: cell.raw, scan: cell.scan)),
            at: position)
    }

    mutating func add(_ figure: Figure) { add(figure, at: IndicatorCatalogue.position(of: figure.code)) }

    /// Adds a figure whose code is at `position` in the catalogue; a code outside it (nil) is not a figure.
    private mutating func add(_ figure: Figure, at position: Int?) {
        guard let position else { return }
        if places[position] >= 0 {
            let existing = figures[places[position]]
            if existing.value != figure.value {
                warnings.append(
                    "\(figure.code) printed twice: \(NumberText.format(existing.value)) (kept) and "
                        + "\(NumberText.format(figure.value)) (\(figure.provenance.table) \(figure.provenance.row))")
            }
            return
        }
        places[position] = figures.count
        figures.append(figure)
        catalogued.append(position)
    }

    /// Puts `figure` in the place of the figure read for its code (or adds it).
    mutating func replace(_ figure: Figure) {
        guard let position = IndicatorCatalogue.position(of: figure.code) else { return }
        if places[position] >= 0 {
            figures[places[position]] = figure
        } else {
            add(figure, at: position)
        }
    }

    func contains(_ code: String) -> Bool { self[code] != nil }

    /// Whether any figure has a code starting with one of `prefixes`.
    func hasAny(prefixes: [String]) -> Bool {
        figures.contains { figure in prefixes.contains { figure.code.hasBytePrefix($0) } }
    }

    /// How many figures have a code starting with one of `prefixes`.
    func count(prefixes: [String]) -> Int {
        figures.reduce(0) { count, figure in count + (prefixes.contains { figure.code.hasBytePrefix($0) } ? 1 : 0) }
    }

    /// Per table, the figures of the reading under which the table's identities hold when only one of them
    /// does, else of the reading that found more of its cells (grids win ties), with the warnings of each
    /// reading used, once.
    static func choosing(_ grid: FigureSet, _ stream: FigureSet, format: ReportFormat) -> FigureSet {
        var chosen = FigureSet()
        var used = (grid: false, stream: false)
        let rules = AuditRules.identities(for: format)
        let values = (grid: grid.values, stream: stream.values)
        for prefixes in [["t2.", "t2v19."], ["t3."], ["t4."]] {
            let tableRules = rules.filter { rule in prefixes.contains { rule.name.hasBytePrefix($0) } }
            let holds = (
                grid: !tableRules.contains { $0.evaluate(values.grid).status == .fail },
                stream: !tableRules.contains { $0.evaluate(values.stream).status == .fail }
            )
            let counts = (grid: grid.count(prefixes: prefixes), stream: stream.count(prefixes: prefixes))
            let fromStream =
                holds.grid != holds.stream && counts.grid > 0 && counts.stream > 0
                ? holds.stream : counts.stream > counts.grid
            let source = fromStream ? stream : grid
            if fromStream { used.stream = true } else { used.grid = true }
            for figure in source.figures where prefixes.contains(where: { figure.code.hasBytePrefix($0) }) {
                chosen.add(figure)
            }
        }
        chosen.warnings = (used.grid ? grid.warnings : []) + (used.stream ? stream.warnings : [])
        return chosen
    }

    /// The figures' values by catalogue position, made without hashing a code.
    var values: IndicatorValues {
        var values = IndicatorValues()
        for (figure, position) in zip(figures, catalogued) {
            values[position: position] = FigureCell(stored: figure.value)
        }
        return values
    }
}
