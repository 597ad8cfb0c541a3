import ReportModel

/// Recognises what a file is from its first bytes, its HTTP type and its name.
enum FileSniffer {
    enum Kind: Equatable {
        case markup, plainText, pdf, doc, docx
        /// A picture of pages, read by OCR.
        case image(ImageType)
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
        if let image = ImageType.sniff(bytes) { return .image(image) }
        if bytes.starts(with: Array("GIF8".utf8)) { return .other("a GIF image") }
        if bytes.starts(with: [0x1F, 0x8B]) { return .other("gzip-compressed data") }
        let head = bytes.prefix(4096)
        var controls = 0
        for byte in head
        where byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x1B {
            controls += 1
        }
        if controls * 20 > head.count {
            return .other("binary data (\(controls) control bytes in the first \(head.count))")
        }
        // Markup markers are ASCII: looked for in the head's bytes with its ASCII capitals lower-cased.
        let lowered = head.lowercasedASCII
        if contentType?.lowercased().includes("html") == true || markupMarkers.contains(where: lowered.includes) {
            return .markup
        }
        return .plainText
    }

    /// What starts an element of an HTML page, lower-cased.
    private static let markupMarkers = [
        "<html", "<body", "<table", "<div", "<p>", "<p ", "<!doctype html", "<meta", "<head",
    ]
    .map { Array($0.utf8) }

    /// The `charset=` parameter of a Content-Type header.
    static func charset(of contentType: String?) -> String? {
        guard let contentType else { return nil }
        let bytes = Array(contentType.utf8)
        let parameter = Array("charset=".utf8)
        guard let start = bytes.lowercasedASCII.firstOffset(of: parameter) else { return nil }
        return String(
            decoding: bytes[(start + parameter.count)...].prefix { $0 != UInt8(ascii: ";") && $0 != 0x20 },
            as: UTF8.self)
    }
}
