/// One report's printed values by indicator, held by catalogue position, so that rules and writers reading many
/// of them hash no codes.
public struct IndicatorValues: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// By position in `IndicatorCatalogue.all`.
    private var slots: [FigureCell]

    /// No values.
    public init() { slots = Array(repeating: .notPrinted, count: IndicatorCatalogue.all.count) }

    /// The values of a code → value map; codes outside the catalogue are not figures and are left out.
    public init(_ values: [String: Double?]) {
        self.init()
        for (code, value) in values { self[code] = FigureCell(stored: value) }
    }

    /// A literal code → value map, as `init(_:)` takes it.
    public init(dictionaryLiteral elements: (String, Double?)...) {
        self.init()
        for (code, value) in elements { self[code] = FigureCell(stored: value) }
    }

    /// The value printed for `code`; setting a code outside the catalogue does nothing.
    public subscript(code: String) -> FigureCell {
        get { IndicatorCatalogue.position(of: code).map { slots[$0] } ?? .notPrinted }
        set { if let position = IndicatorCatalogue.position(of: code) { slots[position] = newValue } }
    }

    /// The value printed for the indicator at `position` in `IndicatorCatalogue.all`.
    public subscript(position position: Int) -> FigureCell {
        get { slots[position] }
        set { slots[position] = newValue }
    }

    /// The printed codes with their values, in catalogue order (the order of `docs/indicators.md`).
    public var inCatalogueOrder: [(code: String, value: Double?)] {
        slots.indices.compactMap { position in
            slots[position].isPrinted ? (IndicatorCatalogue.all[position].code, slots[position].number) : nil
        }
    }

    /// The printed codes with their values, in the byte order of the codes (the order of sorted JSON keys).
    public var inCodeByteOrder: [(code: String, value: Double?)] {
        positionsInCodeByteOrder.map { (IndicatorCatalogue.all[$0].code, slots[$0].number) }
    }

    /// The catalogue positions of the printed codes, in the byte order of the codes.
    public var positionsInCodeByteOrder: [Int] { Self.byteOrder.filter { slots[$0].isPrinted } }

    /// Catalogue positions in the byte order of their codes, sorted once.
    private static let byteOrder: [Int] = IndicatorCatalogue.all.indices.sorted {
        IndicatorCatalogue.all[$0].code.bytePrecedes(IndicatorCatalogue.all[$1].code)
    }
}
