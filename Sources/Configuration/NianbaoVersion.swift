/// The program's version, as `nianbao --version` prints it and the default User-Agent sends it.
public enum NianbaoVersion {
    /// "1.0".
    public static let program = "1.0"
}
