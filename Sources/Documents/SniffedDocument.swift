/// A file's bytes with what they were found to be: the file type (from their first bytes, the HTTP type and the
/// name) and, for text and HTML, their text as detected and decoded. Worked out once for whoever needs it first —
/// a collect archives a document's character set before it reads the document — so that the reading does not
/// sniff and decode the bytes again.
public struct SniffedDocument: Sendable {
    let bytes: [UInt8]
    let kind: FileSniffer.Kind
    /// The text of a text or HTML file.
    let decoded: EncodingDetector.Decoded?

    /// Sniffs `bytes`; `contentType` is the HTTP header (for its charset and type), `fileName` a hint from the URL.
    public init(_ bytes: [UInt8], contentType: String? = nil, fileName: String? = nil) {
        self.bytes = bytes
        kind = FileSniffer.sniff(bytes, contentType: contentType, fileName: fileName)
        switch kind {
        case .markup, .plainText:
            decoded = EncodingDetector.decode(bytes, httpCharset: FileSniffer.charset(of: contentType))
        default: decoded = nil
        }
    }

    /// The character set a text or HTML file is written in; nil for PDF, Word and binary files.
    public var encoding: TextEncoding? { decoded?.detection.encoding }
}
