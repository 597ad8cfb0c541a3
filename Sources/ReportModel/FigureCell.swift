/// One figure of a report as the report gives it: not printed at all, printed as a blank total, or a number.
/// A blank is not 0 and not missing: the report shows the cell and leaves it empty.
public enum FigureCell: Sendable, Hashable {
    /// The report does not print the figure.
    case notPrinted
    /// The report prints the cell empty (a blank total).
    case blank
    /// The report prints this number.
    case value(Double)

    /// A stored figure: a value, or nil for a printed blank.
    public init(stored value: Double?) {
        self = value.map(FigureCell.value) ?? .blank
    }

    /// The number, when one is printed.
    public var number: Double? {
        if case .value(let number) = self { number } else { nil }
    }

    /// Whether the report prints the cell (a number or a blank).
    public var isPrinted: Bool { self != .notPrinted }

}
