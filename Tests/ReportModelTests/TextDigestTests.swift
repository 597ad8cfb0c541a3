import ReportModel
import Testing

/// The digest that keys remembered labels: the same parts give the same digest, and parts that differ anywhere —
/// in a byte, in where they are split, past the first eight bytes, in a composed or decomposed character — differ.
@Suite("Text digest")
struct TextDigestTests {
    func digest(_ parts: [String]) -> UInt64 {
        parts.reduce(into: TextDigest()) { $0.add($1, separator: 0x1F) }.value
    }

    @Test func theSamePartsGiveTheSameDigest() {
        let parts = ["表三", "三、本年度办理结果（一）予以公开", "自然人"]
        #expect(digest(parts) == digest(parts.map { String($0) }))
    }

    @Test func partsThatDifferAnywhereDiffer() {
        let base = "二、主动公开政府信息情况（第二十条第（一）项）"
        var texts = base.indices.map { index in
            [String(base[..<index]) + "X" + String(base[base.index(after: index)...])]
        }
        texts += [
            [base], ["表三行", "一"], ["表三", "行一"], ["表三行一"], ["表三行一", ""], [], [""], ["", ""],
            ["e\u{301}"], ["\u{e9}"],
        ]  // é decomposed and composed: equal as Strings, not as bytes
        #expect(Set(texts.map(digest)).count == texts.count)
    }
}
