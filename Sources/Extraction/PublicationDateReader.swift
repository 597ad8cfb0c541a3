import Documents
import ReportModel

/// Reads the date a report was published: the page's 公开日期/发布日期 field, else the signature date at its end.
///
/// A field is a name, an optional colon and a date such as "2026-01-15", "2026年1月15" or "2026 / 1 / 15"; a
/// signature is a paragraph that is only "2026年1月15日". Both are read from the UTF-8 bytes.
enum PublicationDateReader {
    private static let fieldNames = ["公开日期", "发布日期", "发布时间", "成文日期"]

    /// "2026-01-15", or nil when the document prints no date that can be a publication date of `year`'s report.
    static func read(_ document: Document, fullText text: String, reportYear: Int?) -> String? {
        if let date = firstField(in: text, after: reportYear) { return date }
        for paragraph in document.paragraphs.suffix(6).reversed() where paragraph.includes("日") {
            if let date = signature(paragraph.withoutSpaces), acceptable(date, after: reportYear) {
                return format(date)
            }
        }
        return nil
    }

    /// The first field date after any field name, in text order.
    private static func firstField(in text: String, after reportYear: Int?) -> String? {
        let offsets = fieldNames.flatMap { name in text.byteOffsets(of: name).map { $0 + name.utf8.count } }.sorted()
        var text = text
        return text.withUTF8 { bytes in
            for offset in offsets {
                if let date = fieldDate(bytes, from: offset), acceptable(date, after: reportYear) {
                    return format(date)
                }
            }
            return nil
        }
    }

    /// A year, month and day as printed.
    private typealias PrintedDate = (year: Int, month: Int, day: Int)

    /// The date after a field name: spaces, an optional colon, spaces, then year, separator, month, separator, day.
    private static func fieldDate(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> PrintedDate? {
        var cursor = ByteCursor(bytes: bytes, offset: start)
        cursor.skipSpaces()
        if cursor.skip("：") || cursor.skip(":") { cursor.skipSpaces() }
        guard let year = cursor.digits(4...4) else { return nil }
        cursor.skipSpaces()
        guard cursor.skip("-") || cursor.skip("年") || cursor.skip(".") || cursor.skip("/") else { return nil }
        cursor.skipSpaces()
        guard let month = cursor.digits(1...2) else { return nil }
        cursor.skipSpaces()
        guard cursor.skip("-") || cursor.skip("月") || cursor.skip(".") || cursor.skip("/") else { return nil }
        cursor.skipSpaces()
        guard let day = cursor.digits(1...2) else { return nil }
        return (year, month, day)
    }

    /// A paragraph that is exactly "2026年1月15日".
    private static func signature(_ paragraph: String) -> PrintedDate? {
        var paragraph = paragraph
        return paragraph.withUTF8 { bytes in
            var cursor = ByteCursor(bytes: bytes, offset: 0)
            guard let year = cursor.digits(4...4), cursor.skip("年"), let month = cursor.digits(1...2), cursor.skip("月"),
                let day = cursor.digits(1...2), cursor.skip("日"), cursor.atEnd
            else { return nil }
            return (year, month, day)
        }
    }

    /// Whether a printed date is a real calendar position after the report year (a date inside the report year
    /// is not its publication).
    private static func acceptable(_ date: PrintedDate, after reportYear: Int?) -> Bool {
        guard (1...12).contains(date.month), (1...31).contains(date.day) else { return false }
        return reportYear.map { date.year > $0 } ?? true
    }

    /// yyyy-MM-dd.
    private static func format(_ date: PrintedDate) -> String {
        func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(date.year)-\(twoDigits(date.month))-\(twoDigits(date.day))"
    }
}

/// A reading position in UTF-8 bytes.
private struct ByteCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset: Int

    var atEnd: Bool { offset >= bytes.count }

    /// Skips the spaces, tabs and line breaks left after normalising (other white space is folded to a space).
    mutating func skipSpaces() {
        while offset < bytes.count, bytes[offset] == 0x20 || (0x09...0x0D).contains(bytes[offset]) { offset += 1 }
    }

    /// Skips `word` when the bytes continue with it.
    mutating func skip(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        for index in 0..<count where bytes[offset + index] != word.utf8Start[index] { return false }
        offset += count
        return true
    }

    /// The value of the ASCII digits here when there are `lengths` of them (at most its upper bound are read).
    mutating func digits(_ lengths: ClosedRange<Int>) -> Int? {
        var value = 0
        var count = 0
        while count < lengths.upperBound, offset < bytes.count, (0x30...0x39).contains(bytes[offset]) {
            value = value * 10 + Int(bytes[offset] - 0x30)
            count += 1
            offset += 1
        }
        return lengths.contains(count) ? value : nil
    }
}
