import Documents
import Foundation

/// Reads the date a report was published: the page's 公开日期/发布日期 field, else the signature date at its end.
enum PublicationDateReader {
    private static let field = try! NSRegularExpression(
        pattern: "(?:公开日期|发布日期|发布时间|成文日期)\\s*[：:]?\\s*(\\d{4})\\s*[-年./]\\s*(\\d{1,2})\\s*[-月./]\\s*(\\d{1,2})")
    private static let signature = try! NSRegularExpression(pattern: "^(\\d{4})年(\\d{1,2})月(\\d{1,2})日$")

    private static let fieldNames = ["公开日期", "发布日期", "发布时间", "成文日期"]

    /// "2026-01-15", or nil when the document prints no date that can be a publication date of `year`'s report.
    static func read(_ document: Document, fullText text: String, reportYear: Int?) -> String? {
        if let date = firstField(in: text, after: reportYear) { return date }
        for paragraph in document.paragraphs.suffix(6).reversed() where paragraph.includes("日") {
            if let date = first(signature, in: paragraph.withoutSpaces, after: reportYear) {
                return date
            }
        }
        return nil
    }

    /// The first field date, searched in a short window after each field name instead of over the whole text
    /// (the expression runs on UTF-16 copies of what it is given).
    private static func firstField(in text: String, after reportYear: Int?) -> String? {
        let bytes = Array(text.utf8)
        for offset in fieldNames.flatMap(text.byteOffsets).sorted() {
            let window = String(decoding: bytes[offset..<min(offset + windowBytes, bytes.count)], as: UTF8.self)
            if let date = first(field, in: window, after: reportYear) { return date }
        }
        return nil
    }

    /// How far after a field name its date may stand: the name, a colon, white space and "2026 年 01 月 15".
    private static let windowBytes = 160

    private static func first(_ pattern: NSRegularExpression, in text: String, after reportYear: Int?) -> String? {
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let parts = (1...3).compactMap { Range(match.range(at: $0), in: text).flatMap { Int(text[$0]) } }
            guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { continue }
            if let reportYear, parts[0] <= reportYear { continue }  // a date inside the report year is not its publication
            return String(format: "%04d-%02d-%02d", parts[0], parts[1], parts[2])
        }
        return nil
    }
}
