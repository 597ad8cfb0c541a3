import ReportModel

/// A short list of short words, matched byte for byte: hashing a CJK cell text for a `Set` lookup normalises it
/// to NFC first, which cost more than comparing it with every word. None of the words has another canonical form.
struct WordList {
    private let words: [String]

    init(_ words: [String]) { self.words = words }

    /// Whether `text` is one of the words.
    func contains(_ text: String) -> Bool { words.contains { text.hasSameBytes(as: $0) } }
}
