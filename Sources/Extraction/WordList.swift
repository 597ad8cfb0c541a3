import Foundation

/// A short list of short words, matched byte for byte: hashing a CJK cell text for a `Set` lookup normalises it
/// to NFC first, which cost more than comparing it with every word. None of the words has another canonical form.
struct WordList {
    private let words: [[UInt8]]

    init(_ words: [String]) { self.words = words.map { Array($0.utf8) } }

    /// Whether `text` is one of the words.
    func contains(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            words.contains { word in
                word.count == bytes.count && word.withUnsafeBufferPointer { memcmp($0.baseAddress!, bytes.baseAddress!, word.count) == 0 }
            }
        }
    }
}
