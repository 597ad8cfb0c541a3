/// One unit's report of one year, as a key.
public struct UnitYear: Sendable, Hashable {
    /// The unit id.
    public var unitId: String
    /// The report year.
    public var year: Int

    /// The key of `unitId`'s report of `year`.
    public init(unitId: String, year: Int) {
        self.unitId = unitId
        self.year = year
    }
}
