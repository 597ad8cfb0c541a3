import ReportModel

/// Recognises what a file is from its first bytes, its HTTP type and its name.
enum FileSniffer {
    enum Kind: Equatable {
        case markup, plainText, pdf, doc, docx
        case other(String)
    }

    static func sniff(_ bytes: [UInt8], contentType: String?, fileName: String?) -> Kind {
        if bytes.isEmpty { return .other("an empty file") }
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            let name = fileName?.lowercased() ?? ""
            if name.hasSuffix(".docx") || contentType?.contains("wordprocessingml") == true || !name.contains(".") {
                return .docx
            }
            return name.hasSuffix(".zip") || name.contains(".") ? .docx : .other("a ZIP archive")
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return .doc }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return .other("a PNG image (needs manual entry)") }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .other("a JPEG image (needs manual entry)") }
        if bytes.starts(with: Array("GIF8".utf8)) { return .other("a GIF image") }
        if bytes.starts(with: [0x1F, 0x8B]) { return .other("gzip-compressed data") }
        let head = bytes.prefix(4096)
        let controls = head.filter { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C && $0 != 0x1B }
        if controls.count * 20 > head.count { return .other("binary data (\(controls.count) control bytes in the first \(head.count))") }
        // ASCII-only lower-casing of the head: markup markers are ASCII.
        let lowered = String(decoding: head.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
        let markers = ["<html", "<body", "<table", "<div", "<p>", "<p ", "<!doctype html", "<meta", "<head"]
        if contentType?.lowercased().includes("html") == true || markers.contains(where: lowered.includes) {
            return .markup
        }
        return .plainText
    }

    /// The `charset=` parameter of a Content-Type header.
    static func charset(of contentType: String?) -> String? {
        guard let contentType, let range = contentType.lowercased().range(of: "charset=") else { return nil }
        return String(contentType[range.upperBound...].prefix { $0 != ";" && $0 != " " })
    }
}
