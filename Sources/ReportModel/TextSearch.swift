import CByteSearch
import Foundation

extension String {
    /// Whether `needle` occurs in this text, compared byte for byte in UTF-8.
    ///
    /// Foundation's `contains` on Linux goes through `NSString` with Unicode folding, and the standard library's
    /// generic search is not specialised across modules; report labels only need exact matching.
    public func includes(_ needle: String) -> Bool {
        var haystack = self
        var pattern = needle
        return haystack.withUTF8 { text in
            pattern.withUTF8 { bytes in ByteSearch.firstOffset(of: bytes, in: text, from: 0) != nil }
        }
    }

    /// The UTF-8 offsets at which `needle` starts, in order (occurrences do not overlap).
    public func byteOffsets(of needle: String) -> [Int] {
        var haystack = self
        var pattern = needle
        return haystack.withUTF8 { text in
            pattern.withUTF8 { bytes in
                var offsets: [Int] = []
                var start = 0
                while !bytes.isEmpty, let offset = ByteSearch.firstOffset(of: bytes, in: text, from: start) {
                    offsets.append(offset)
                    start = offset + bytes.count
                }
                return offsets
            }
        }
    }

    /// Whether this text comes before `other` in byte order (SQLite's BINARY collation, JSON's sorted keys); the
    /// standard library's `<` compares canonical forms instead.
    public func bytePrecedes(_ other: String) -> Bool {
        var left = self
        var right = other
        return left.withUTF8 { a in
            right.withUTF8 { b in
                let common = min(a.count, b.count)
                let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
                return order != 0 ? order < 0 : a.count < b.count
            }
        }
    }

    /// Whether this text has the same UTF-8 bytes as `other` (`==` compares Unicode canonical forms, which for
    /// CJK text means normalising both first).
    public func hasSameBytes(as other: String) -> Bool {
        var left = self
        var right = other
        return left.withUTF8 { a in
            right.withUTF8 { b in
                a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
            }
        }
    }

    /// Whether this text starts with `prefix`, byte for byte (`hasPrefix` compares Unicode canonical forms).
    public func hasBytePrefix(_ prefix: String) -> Bool {
        var text = self
        var start = prefix
        return text.withUTF8 { bytes in
            start.withUTF8 { expected in
                expected.isEmpty
                    || (bytes.count >= expected.count
                        && memcmp(bytes.baseAddress!, expected.baseAddress!, expected.count) == 0)
            }
        }
    }

    /// The text with every space removed, byte for byte (labels and keywords are compared this way).
    public var withoutSpaces: String {
        var text = self
        return text.withUTF8 { bytes in  // the bytes in place: walking `utf8` byte by byte cost several times more
            guard bytes.contains(0x20) else { return self }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                for byte in bytes where byte != 0x20 {
                    out[count] = byte
                    count += 1
                }
                return count
            }
        }
    }

    /// The text without leading and trailing spaces (texts are already normalised, so spaces are all there is).
    public var trimmedSpaces: String {
        guard utf8.first == 0x20 || utf8.last == 0x20 else { return self }
        return String(Substring(self).trimmingEnds { $0 == " " })
    }
}

extension Substring {
    /// The text without the characters around it that `isPadding` accepts.
    public func trimmingEnds(where isPadding: (Character) -> Bool) -> Substring {
        var text = drop(while: isPadding)
        while let last = text.last, isPadding(last) { text.removeLast() }
        return text
    }
}

extension Array where Element == UInt8 {
    /// Whether `pattern` occurs in these bytes, compared byte for byte (as `String.includes` does for text).
    public func includes(_ pattern: [UInt8]) -> Bool { firstOffset(of: pattern) != nil }

    /// The offset of the first occurrence of `pattern` in these bytes.
    public func firstOffset(of pattern: [UInt8]) -> Int? {
        withUnsafeBufferPointer { text in
            pattern.withUnsafeBufferPointer { bytes in ByteSearch.firstOffset(of: bytes, in: text, from: 0) }
        }
    }
}

extension Collection where Element == UInt8 {
    /// The bytes with ASCII capitals lower-cased, every other byte as it is (markup names and charset labels are
    /// ASCII; the bytes of any other character are all 0x80 or above, so never changed).
    /// (Inlinable, so that it is specialised for the caller's collection; a plain loop over contiguous bytes, which
    /// the compiler vectorises: a tenth of what `map` had cost in the profile of an extract.)
    @inlinable public var lowercasedASCII: [UInt8] {
        let lowered = withContiguousStorageIfAvailable { bytes in
            [UInt8](unsafeUninitializedCapacity: bytes.count) { result, initialized in
                for offset in 0..<bytes.count {
                    let byte = bytes[offset]
                    result[offset] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                }
                initialized = bytes.count
            }
        }
        return lowered ?? map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }
    }
}

/// Exact byte search, by the C library's `memmem` (glibc's, for short patterns, compares two bytes at a time and
/// measured two to three times faster than the Boyer–Moore–Horspool loop it replaced, on Chinese report pages).
enum ByteSearch {
    /// The offset of the first occurrence of `pattern` in `text` at or after `start`.
    static func firstOffset(
        of pattern: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, from start: Int
    ) -> Int? {
        guard !pattern.isEmpty else { return start <= text.count ? start : nil }
        guard start + pattern.count <= text.count, let textStart = text.baseAddress,
            let patternStart = pattern.baseAddress
        else {
            return nil
        }
        guard let found = nb_memmem(textStart + start, text.count - start, patternStart, pattern.count) else {
            return nil
        }
        return textStart.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}
