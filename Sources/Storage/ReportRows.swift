import Foundation
import GRDB

/// A report's rows as SQL arguments, converted before the write (in the collect pipeline, on the reading task) so
/// that the single writer only binds and steps.
struct ReportRows: Sendable {
    let unitId: String
    let year: Int
    let content: ReportContent
    /// `figure` rows.
    let figures: [StatementArguments]
    /// `labelled_item` rows.
    let items: [StatementArguments]
    /// `audit` rows.
    let audits: [StatementArguments]
    /// The report's warnings and sentence fingerprints as JSON text.
    let warningsJSON: String
    let sentenceHashesJSON: String

    init(unitId: String, year: Int, content: ReportContent) {
        self.unitId = unitId
        self.year = year
        self.content = content
        figures = content.figures.map { figure in
            [unitId, year, figure.code, figure.value, figure.kind.rawValue, figure.provenance.table, figure.provenance.row,
             figure.provenance.column, figure.provenance.raw]
        }
        items = content.items.enumerated().map { position, item in
            [unitId, year, position, item.label, item.count, item.percent]
        }
        audits = content.audit.map { result in
            [unitId, year, result.rule, result.status.rawValue, result.message, JSONArrayText.strings(result.cells)]
        }
        warningsJSON = JSONArrayText.strings(content.warnings)
        sentenceHashesJSON = JSONArrayText.integers(content.sentenceHashes)
    }
}
