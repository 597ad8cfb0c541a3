import Documents
import Extraction
import ReportModel

/// Checks one draft report before publication: the audit, the outline, contradictions between prose and tables,
/// split numbers, and — when stored reports are at hand — repetition of the unit's previous report and copying
/// from other units'. Pure: the caller reads the draft and the stored reports.
public enum DraftChecker {
    /// The problems of a draft read into `document` and extracted into `extraction` (audited with last year's
    /// figures `previous`, when stored), with each rule's default severity. `stored` is nil when no database is
    /// at hand or the unit is not known.
    public static func check(
        _ document: Document, _ extraction: ExtractionResult, previous: [String: Double?]?,
        stored: StoredText?
    ) -> [CheckProblem] {
        let unitActor: CheckActor = document.kind == .scan ? .reading : .unit
        let cellActor: CheckActor = document.kind == .scan || document.kind == .pdf ? .reading : .unit
        var problems: [CheckProblem] = []
        if extraction.format.isNewTemplate {
            problems += OutlineCheck.problems(
                document.lines.isEmpty ? document.paragraphs : document.lines, actor: unitActor)
        }
        let splits = SplitNumbers.find(
            values: extraction.values, figures: extraction.figures, format: extraction.format,
            audit: extraction.audit, previous: previous, actor: cellActor)
        problems += AuditProblems.problems(
            extraction.audit, values: extraction.values, format: extraction.format,
            previous: previous, failureActor: cellActor,
            skipping: splits.reduce(into: Set<String>()) { $0.formUnion($1.explains) })
        problems += splits.map(\.problem)
        problems += ProseContradictions.problems(sentences(of: document), values: extraction.values, actor: unitActor)
        if let stored {
            let passages = SentencePassage.of(document)
            if let year = extraction.year,
                let repeated = TextOverlap.repetition(
                    passages, stored: stored, year: year,
                    actor: unitActor)
            {
                problems.append(repeated)
            }
            problems += TextOverlap.copying(passages, stored: stored, actor: unitActor)
        }
        return problems
    }

    /// The sentences of the prose (paragraphs and a text copy's lines), split at 。；！？.
    static func sentences(of document: Document) -> [String] {
        (document.paragraphs + document.lines).flatMap { paragraph in
            paragraph.split(whereSeparator: { "。；！？;!?".contains($0) }).map(String.init)
        }
    }
}
