import ReportModel

/// Folds the white space and digit forms of real reports into one plain form.
public enum TextNormalizer {
    /// Full-width digits and signs to ASCII, NBSP/U+3000/tabs/newlines and every other control character to single
    /// spaces, trimmed. Works on the UTF-8 bytes: every folded character has a fixed byte pattern, and continuation
    /// bytes never match one. A control character is not text: kept, it would reach the stored labels (and the
    /// CSV exports), where U+001F is what separates a label's parts when its id is made.
    public static func normalize(_ text: some StringProtocol) -> String {
        normalize(utf8: Array(text.utf8))
    }

    /// `normalize(_:)` of text given as UTF-8 bytes.
    public static func normalize(utf8 bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer(normalize)
    }

    /// `normalize(_:)` of UTF-8 bytes, written straight into the new string's storage (folding never lengthens
    /// the text).
    private static func normalize(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let mayFold = Self.mayFold
        return String(unsafeUninitializedCapacity: bytes.count) { out in
            var count = 0
            var pendingSpace = false
            var index = 0
            while index < bytes.count {
                if !mayFold[Int(bytes[index])] {
                    // A run of bytes that pass unchanged is copied whole.
                    var end = index + 1
                    while end < bytes.count, !mayFold[Int(bytes[end])] { end += 1 }
                    if pendingSpace {
                        out[count] = 0x20
                        count += 1
                        pendingSpace = false
                    }
                    (out.baseAddress! + count).initialize(from: bytes.baseAddress! + index, count: end - index)
                    count += end - index
                    index = end
                    continue
                }
                let (folded, width) = fold(bytes, at: index)
                index += width
                guard let folded else {
                    pendingSpace = count > 0
                    continue
                }
                if pendingSpace {
                    out[count] = 0x20
                    count += 1
                    pendingSpace = false
                }
                out[count] = folded
                count += 1
            }
            return count
        }
    }

    /// The bytes `fold` may change: control characters, white space and the lead bytes of the folded characters
    /// (a continuation byte is never one of them).
    private static let mayFold: [Bool] = (0...255).map { byte in
        (0x00...0x1F).contains(byte) || [0x20, 0x7F, 0xC2, 0xE2, 0xE3, 0xEF].contains(byte)
    }

    /// Removes every space, for matching labels whose characters were split across spans.
    public static func compact(_ text: some StringProtocol) -> String {
        normalize(text).withoutSpaces
    }

    /// The byte that the character at `index` folds to (nil: a space) and how many bytes it takes; characters
    /// that do not fold pass through a byte at a time.
    private static func fold(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt8?, Int) {
        let byte = bytes[index]
        switch byte {
        case 0x00...0x20, 0x7F: return (nil, 1)  // control characters and the space
        case 0xC2 where next(bytes, index, 1) == 0xA0: return (nil, 2)  // U+00A0
        case 0xE2 where next(bytes, index, 1) == 0x80 && [0x82, 0x83, 0x89, 0x8B].contains(next(bytes, index, 2)):
            return (nil, 3)  // U+2002, U+2003, U+2009, U+200B
        case 0xE3 where next(bytes, index, 1) == 0x80 && next(bytes, index, 2) == 0x80: return (nil, 3)  // U+3000
        case 0xEF where next(bytes, index, 1) == 0xBB && next(bytes, index, 2) == 0xBF: return (nil, 3)  // U+FEFF
        case 0xEF where next(bytes, index, 1) == 0xBC:
            let last = next(bytes, index, 2)
            if (0x90...0x99).contains(last) { return (last - 0x90 + 0x30, 3) }  // U+FF10…FF19 → 0…9
            if last == 0x8E { return (UInt8(ascii: "."), 3) }  // U+FF0E
            return (byte, 1)
        default: return (byte, 1)
        }
    }

    private static func next(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ offset: Int) -> UInt8 {
        index + offset < bytes.count ? bytes[index + offset] : 0
    }
}
