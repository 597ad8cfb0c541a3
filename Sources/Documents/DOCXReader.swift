/// Word 2007+ documents: not read yet. Recorded honestly as needing manual entry rather than guessed at.
enum DOCXReader {
    static func read(_ bytes: [UInt8]) throws -> Document {
        throw DocumentError.notAReport("a DOCX document, which this version cannot read yet (enter it with `nianbao import`)")
    }
}
