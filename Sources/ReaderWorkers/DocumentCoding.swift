import Documents
import ReportModel

/// A document and a reader's refusal as bytes, for the pipe between a reader worker and nianbao: lengths as
/// little-endian 64-bit numbers, texts as their UTF-8; a cell's flags byte says whether it is a span copy (1) and
/// whether where OCR read it follows its text (2): the page, the box's corners in hundredths of a point and the
/// confidence in thousandths.
enum DocumentCoding {
    /// What a worker answers for one request.
    enum Answer {
        case document(Document)
        case refused(DocumentError)
    }

    static func encode(_ answer: Answer) -> [UInt8] {
        var out = ByteWriter()
        switch answer {
        case .document(let document):
            out.byte(0)
            out.text(document.kind.rawValue)
            out.optionalText(document.encoding?.rawValue)
            out.optionalText(document.title)
            out.texts(document.paragraphs)
            out.number(document.tables.count)
            for table in document.tables {
                out.number(table.rows.count)
                for row in table.rows {
                    out.number(row.count)
                    for cell in row {
                        out.byte((cell.isSpanCopy ? 1 : 0) | (cell.scan == nil ? 0 : 2))
                        out.text(cell.text)
                        if let scan = cell.scan { out.scanReading(scan) }
                    }
                }
            }
            out.number(document.links.count)
            for link in document.links {
                out.text(link.title)
                out.text(link.href)
            }
            out.texts(document.warnings)
            out.texts(document.lines)
        case .refused(let error):
            out.byte(1)
            let (tag, text): (UInt8, String) =
                switch error {
                case .notAReport(let text): (0, text)
                case .converterFailed(let text): (1, text)
                case .unreadable(let text): (2, text)
                case .tooLarge(let text): (3, text)
                }
            out.byte(tag)
            out.text(text)
        }
        return out.bytes
    }

    static func decode(_ bytes: [UInt8]) throws(CodingFault) -> Answer {
        var input = ByteReader(bytes)
        switch try input.byte() {
        case 0:
            guard let kind = DocumentKind(rawValue: try input.text()) else { throw CodingFault() }
            let encoding = try input.optionalText().map { name throws(CodingFault) in
                guard let encoding = TextEncoding(rawValue: name) else { throw CodingFault() }
                return encoding
            }
            let title = try input.optionalText()
            let paragraphs = try input.texts()
            var tables: [Table] = []
            for _ in 0..<(try input.count()) {
                var rows: [[GridCell]] = []
                for _ in 0..<(try input.count()) {
                    var row: [GridCell] = []
                    for _ in 0..<(try input.count()) {
                        let flags = try input.byte()
                        let text = try input.text()
                        let scan = flags & 2 == 0 ? nil : try input.scanReading()
                        row.append(GridCell(text: text, isSpanCopy: flags & 1 == 1, scan: scan))
                    }
                    rows.append(row)
                }
                tables.append(Table(rows: rows))
            }
            var links: [Link] = []
            for _ in 0..<(try input.count()) { links.append(Link(title: try input.text(), href: try input.text())) }
            var document = Document(
                kind: kind, encoding: encoding, title: title, paragraphs: paragraphs, tables: tables,
                links: links, warnings: try input.texts())
            document.lines = try input.texts()
            return .document(document)
        case 1:
            let tag = try input.byte()
            let text = try input.text()
            switch tag {
            case 0: return .refused(.notAReport(text))
            case 1: return .refused(.converterFailed(text))
            case 2: return .refused(.unreadable(text))
            case 3: return .refused(.tooLarge(text))
            default: throw CodingFault()
            }
        default:
            throw CodingFault()
        }
    }
}

/// Bytes that are not what `DocumentCoding` wrote.
struct CodingFault: Error {}

/// Appends numbers and texts to a byte buffer.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func number(_ value: Int) {
        var remaining = UInt64(value)
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: remaining))
            remaining >>= 8
        }
    }

    mutating func text(_ value: String) {
        number(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func optionalText(_ value: String?) {
        byte(value == nil ? 0 : 1)
        if let value { text(value) }
    }

    mutating func texts(_ values: [String]) {
        number(values.count)
        for value in values { text(value) }
    }

    mutating func data(_ value: [UInt8]) {
        number(value.count)
        bytes.append(contentsOf: value)
    }
}

/// Reads what `ByteWriter` wrote, refusing anything that runs past the end.
struct ByteReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func byte() throws(CodingFault) -> UInt8 {
        guard offset < bytes.count else { throw CodingFault() }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func number() throws(CodingFault) -> Int {
        guard offset + 8 <= bytes.count else { throw CodingFault() }
        var value: UInt64 = 0
        for index in (0..<8).reversed() { value = value << 8 | UInt64(bytes[offset + index]) }
        offset += 8
        guard value <= UInt64(Int.max) else { throw CodingFault() }
        return Int(value)
    }

    /// A count of items, each at least a byte long: never more than the bytes left.
    mutating func count() throws(CodingFault) -> Int {
        let value = try number()
        guard value <= bytes.count - offset else { throw CodingFault() }
        return value
    }

    mutating func data() throws(CodingFault) -> ArraySlice<UInt8> {
        let length = try count()
        defer { offset += length }
        return bytes[offset..<(offset + length)]
    }

    mutating func text() throws(CodingFault) -> String {
        String(decoding: try data(), as: UTF8.self)
    }

    mutating func optionalText() throws(CodingFault) -> String? {
        try byte() == 0 ? nil : try text()
    }

    mutating func texts() throws(CodingFault) -> [String] {
        var values: [String] = []
        for _ in 0..<(try count()) { values.append(try text()) }
        return values
    }
}

extension ByteWriter {
    /// Where OCR read a cell: the page, the box in hundredths of a point (a corner off the page's edge at 0), the
    /// confidence in thousandths.
    mutating func scanReading(_ scan: ScanReading) {
        number(scan.page)
        for coordinate in [scan.box.minX, scan.box.minY, scan.box.maxX, scan.box.maxY] {
            number(Int((max(0, coordinate) * 100).rounded()))
        }
        number(Int((scan.confidence * 1_000).rounded()))
    }
}

extension ByteReader {
    /// What `ByteWriter.scanReading` wrote.
    mutating func scanReading() throws(CodingFault) -> ScanReading {
        let page = try number()
        let box = PageBox(
            minX: Double(try number()) / 100, minY: Double(try number()) / 100,
            maxX: Double(try number()) / 100, maxY: Double(try number()) / 100)
        return ScanReading(page: page, box: box, confidence: Double(try number()) / 1_000)
    }
}
