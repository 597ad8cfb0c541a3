import Foundation

extension String {
    /// Whether `needle` occurs in this text, compared byte for byte in UTF-8 (first byte, then `memcmp`).
    ///
    /// Foundation's `contains` on Linux goes through `NSString` with Unicode folding, and the standard library's
    /// generic search is not specialised across modules; report labels only need exact matching.
    public func includes(_ needle: String) -> Bool {
        var haystack = self
        var pattern = needle
        return haystack.withUTF8 { text in
            pattern.withUTF8 { bytes in
                guard !bytes.isEmpty else { return true }
                guard let textStart = text.baseAddress, let patternStart = bytes.baseAddress else { return false }
                let first = bytes[0]
                var index = 0
                while index + bytes.count <= text.count {
                    if text[index] == first, memcmp(textStart + index, patternStart, bytes.count) == 0 { return true }
                    index += 1
                }
                return false
            }
        }
    }

    /// The text with every space removed, byte for byte (labels and keywords are compared this way).
    public var withoutSpaces: String {
        guard utf8.contains(0x20) else { return self }
        return String(decoding: utf8.filter { $0 != 0x20 }, as: UTF8.self)
    }

    /// The text without leading and trailing spaces (texts are already normalised, so spaces are all there is).
    public var trimmedSpaces: String {
        guard first == " " || last == " " else { return self }
        var view = Substring(self)
        while view.first == " " { view.removeFirst() }
        while view.last == " " { view.removeLast() }
        return String(view)
    }
}
