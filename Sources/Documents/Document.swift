import ReportModel

/// The kind of file a document was read from.
public enum DocumentKind: String, Sendable, Codable, Hashable {
    /// An HTML page.
    case html
    /// Plain text.
    case text
    /// A PDF, read through `pdftotext`.
    case pdf
    /// A scanned PDF (no text layer), read by OCR.
    case scan
    /// A Word 2007+ document.
    case docx
    /// A Word 97–2003 document, read through `antiword`.
    case doc
}

/// A hyperlink found in a page (for attachments and listing pages).
public struct Link: Sendable, Hashable, Codable {
    /// The link's visible text, normalised.
    public let title: String
    /// The `href` as written (relative or absolute).
    public let href: String

    /// Creates a link.
    public init(title: String, href: String) {
        self.title = title
        self.href = href
    }
}

/// One position of a table grid after rowspan/colspan are expanded.
public struct GridCell: Sendable, Hashable {
    /// The normalised text of the cell that covers this position.
    public let text: String
    /// True when this position is covered by a span of a cell that starts elsewhere.
    public let isSpanCopy: Bool
    /// Where OCR read the cell's text and how sure it is, for a cell read from a scan; nil for every other cell.
    public let scan: ScanReading?

    /// Creates a grid position.
    public init(text: String, isSpanCopy: Bool = false, scan: ScanReading? = nil) {
        self.text = text
        self.isSpanCopy = isSpanCopy
        self.scan = scan
    }
}

/// A table as a grid of rows; rows may have different lengths in text copies.
public struct Table: Sendable, Hashable {
    /// The rows, top to bottom.
    public let rows: [[GridCell]]
    /// All cell texts joined without spaces, for recognising what the table is about (computed once).
    public let compactText: String

    /// Creates a table.
    public init(rows: [[GridCell]]) {
        self.rows = rows
        let size = rows.reduce(0) { size, row in row.reduce(size) { $0 + ($1.isSpanCopy ? 0 : $1.text.utf8.count) } }
        compactText = String(unsafeUninitializedCapacity: size) { out in
            var count = 0
            for row in rows {
                for cell in row where !cell.isSpanCopy {
                    var text = cell.text
                    text.withUTF8 { utf8 in
                        for byte in utf8 where byte != 0x20 {
                            out[count] = byte
                            count += 1
                        }
                    }
                }
            }
            return count
        }
    }
}

/// A report read into text: paragraphs in order, tables as grids, links.
public struct Document: Sendable {
    /// What kind of file it came from.
    public var kind: DocumentKind
    /// The encoding used to decode it (for text and HTML).
    public var encoding: TextEncoding?
    /// The page or document title, when one is given.
    public var title: String?
    /// Paragraphs outside tables, in order, normalised.
    public var paragraphs: [String]
    /// Tables in order (nested tables are separate entries).
    public var tables: [Table]
    /// Links in order.
    public var links: [Link]
    /// Problems met while reading (bad bytes, a contradicted charset label).
    public var warnings: [String]
    /// For text, PDF and DOC copies: every source line in order, normalised, blank lines as "" (tables that
    /// arrive one cell per line are read from these).
    public var lines: [String] = []

    /// Creates a document.
    public init(
        kind: DocumentKind, encoding: TextEncoding?, title: String?, paragraphs: [String], tables: [Table],
        links: [Link], warnings: [String]
    ) {
        self.kind = kind
        self.encoding = encoding
        self.title = title
        self.paragraphs = paragraphs
        self.tables = tables
        self.links = links
        self.warnings = warnings
    }

    /// The whole readable text: title, paragraphs and table cells, one paragraph or row per line.
    public var fullText: String {
        // Measured first, then written straight into the string's storage.
        var lines = paragraphs.count + (title == nil ? 0 : 1)
        var size = paragraphs.reduce(title?.utf8.count ?? 0) { $0 + $1.utf8.count }
        for table in tables {
            lines += table.rows.count
            for row in table.rows {
                for cell in row where !cell.isSpanCopy { size += cell.text.utf8.count + 1 }
            }
        }
        return String(unsafeUninitializedCapacity: size + lines) { out in
            var count = 0
            var lineCount = 0
            func write(_ text: String) {
                var text = text
                text.withUTF8 { bytes in
                    guard let start = bytes.baseAddress else { return }
                    (out.baseAddress! + count).initialize(from: start, count: bytes.count)
                    count += bytes.count
                }
            }
            func startLine() {
                if lineCount > 0 {
                    out[count] = UInt8(ascii: "\n")
                    count += 1
                }
                lineCount += 1
            }
            if let title {
                startLine()
                write(title)
            }
            for paragraph in paragraphs {
                startLine()
                write(paragraph)
            }
            for table in tables {
                for row in table.rows {
                    startLine()
                    var first = true
                    for cell in row where !cell.isSpanCopy {
                        if !first {
                            out[count] = 0x20
                            count += 1
                        }
                        first = false
                        write(cell.text)
                    }
                }
            }
            return count
        }
    }
}
