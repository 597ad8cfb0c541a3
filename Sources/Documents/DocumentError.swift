/// Why bytes could not be read as a report document.
public enum DocumentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes are something else (an image, binary data, an empty file); the text says what it looks like.
    case notAReport(String)
    /// A helper program (pdftotext, antiword) failed or is missing.
    case converterFailed(String)
    /// The document is larger than a reader's bounds (a ZIP bomb, a converter's flood of text); the text says which.
    case tooLarge(String)
    /// A local file could not be read (missing, no permission, a folder); the text says why.
    case unreadable(String)

    /// A plain-words explanation.
    public var description: String {
        switch self {
        case .notAReport(let what): return "not a report: \(what)"
        case .converterFailed(let what): return "could not convert the document: \(what)"
        case .unreadable(let why): return "cannot read the file: \(why)"
        case .tooLarge(let what): return "too large to read: \(what)"
        }
    }
}
