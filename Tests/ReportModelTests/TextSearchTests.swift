import ReportModel
import Testing

/// Byte-for-byte search in UTF-8 text, checked against a search that tries every offset.
@Suite("Byte search")
struct TextSearchTests {
    /// Every non-overlapping occurrence, found by comparing at each offset in turn.
    func offsetsTryingEveryOffset(of needle: String, in text: String) -> [Int] {
        let (haystack, pattern) = (Array(text.utf8), Array(needle.utf8))
        guard !pattern.isEmpty else { return [] }
        var offsets: [Int] = []
        var offset = 0
        while offset + pattern.count <= haystack.count {
            if Array(haystack[offset..<offset + pattern.count]) == pattern {
                offsets.append(offset)
                offset += pattern.count
            } else {
                offset += 1
            }
        }
        return offsets
    }

    @Test func edgesOfTheTextAndOfThePattern() {
        #expect("公开日期：2025年".byteOffsets(of: "公开日期") == [0])
        #expect("报告全文，行政复议".byteOffsets(of: "行政复议") == ["报告全文，".utf8.count])
        #expect("aaaa".byteOffsets(of: "aa") == [0, 2], "occurrences do not overlap")
        #expect("短".byteOffsets(of: "短文本").isEmpty, "a pattern longer than the text")
        #expect("".byteOffsets(of: "x").isEmpty)
        #expect("abc".byteOffsets(of: "").isEmpty)
        #expect("abc".includes(""))
        #expect(!"".includes("a"))
        #expect("页面\u{FFFD}乱码\u{FFFD}".byteOffsets(of: "\u{FFFD}").count == 2)
        // Bytes, not characters: an e with a combining accent is not the precomposed é.
        #expect(!"cafe\u{301}".includes("café"))
        #expect("cafe\u{301}".includes("cafe"))
    }

    @Test func findsWhatTryingEveryOffsetFinds() {
        var random = SystemRandomNumberGenerator()
        let alphabet = ["公", "开", "日", "期", "，", "（", "一", "）", "1", "2", "a", " ", "\u{FFFD}"]
        for _ in 0..<400 {
            let text = (0..<Int.random(in: 0...300, using: &random)).map { _ in alphabet.randomElement(using: &random)!
            }.joined()
            let needle = (0..<Int.random(in: 1...4, using: &random)).map { _ in alphabet.randomElement(using: &random)!
            }.joined()
            let expected = offsetsTryingEveryOffset(of: needle, in: text)
            #expect(text.byteOffsets(of: needle) == expected, "\(needle) in \(text)")
            #expect(text.includes(needle) == !expected.isEmpty)
        }
    }
}
