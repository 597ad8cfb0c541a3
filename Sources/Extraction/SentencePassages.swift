import Documents
import ReportModel

/// One sentence of a report's prose with the fingerprint `ReportShape` stores for it, so that a draft's
/// sentences can be matched against stored reports' fingerprints and shown as passages.
public struct SentencePassage: Sendable, Hashable {
    /// The sentence as printed (without its closing mark).
    public var text: String
    /// The fingerprint of the sentence, digits and spaces removed, as `ReportShape.sentenceHashes` holds it.
    public var hash: Int64
    /// Its length in characters, digits and spaces not counted.
    public var length: Int

    /// The sentences of `document` that `ReportShape` fingerprints (at least 8 characters once digits and spaces
    /// are removed; title lines left out), in reading order, each once.
    public static func of(_ document: Document) -> [SentencePassage] {
        var seen: Set<Int64> = []
        var passages: [SentencePassage] = []
        for paragraph in (document.paragraphs + document.lines) where !ReportShape.isTitleLine(paragraph) {
            for sentence in paragraph.split(whereSeparator: isSentenceEnd) {
                let text = String(sentence).trimmingSpaces
                guard let hash = ReportShape.sentences([text]).first, seen.insert(hash).inserted else { continue }
                let length = text.unicodeScalars.filter { $0 != " " && $0.properties.numericType == nil }.count
                passages.append(SentencePassage(text: text, hash: hash, length: length))
            }
        }
        return passages
    }

    /// 。；！？;!? end a sentence, as `ReportShape` splits them.
    private static func isSentenceEnd(_ character: Character) -> Bool {
        "。；！？;!?".contains(character)
    }
}

extension String {
    /// The text without leading and trailing spaces.
    fileprivate var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
