import Storage

extension StoreQueries {
    /// Every stored figure (of `year`, or all) in (unit, year, code) order, from a database cursor: memory stays
    /// flat however large the database.
    public func forEachFigure(year: Int?, _ body: (FigureRow) throws -> Void) throws {
        try store.forEachFigure(year: year, body)
    }

    /// The codes with at least one stored figure (of `year`, or of any year).
    public func storedCodes(year: Int?) throws -> Set<String> {
        try store.storedCodes(year: year)
    }
}
