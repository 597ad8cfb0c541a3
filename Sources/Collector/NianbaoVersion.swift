import Storage

/// What `nianbao --version` prints: the program's version, its readers' version (a change reads quarantined
/// documents again) and the database schema it writes.
public enum NianbaoVersion {
    /// The program's version, as the default User-Agent sends it.
    public static let program = "1.0"

    /// "nianbao 1.0 (readers 2, database schema v9-source-origin)".
    public static var description: String {
        "nianbao \(program) (readers \(ReportReader.readerVersion), database schema \(Store.schemaVersion))"
    }
}
