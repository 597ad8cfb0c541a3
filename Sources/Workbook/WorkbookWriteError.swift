/// An .xlsx workbook that could not be written, in plain words naming the file.
public struct WorkbookWriteError: Error, Sendable, CustomStringConvertible {
    /// The file that was being written.
    public var path: String
    /// What went wrong, as libxlsxwriter or nianbao says it.
    public var reason: String

    /// A plain-words explanation.
    public var description: String { "cannot write \(path): \(reason)" }
}
