import Documents
import ReportModel

/// What one report says: its format, unit, year, figures with provenance, category items, audit and warnings.
public struct ExtractionResult: Sendable {
    /// The detected format.
    public var format: ReportFormat
    /// The report year (from the document, or the hint).
    public var year: Int?
    /// The unit name (the hint's, else as printed).
    public var unit: String?
    /// The unit name as the document prints it in its title, if it does.
    public var printedUnit: String?
    /// The report year as the document prints it in its title, if it does.
    public var printedYear: Int?
    /// The publication date printed on the page (yyyy-MM-dd), when there is one.
    public var published: String?
    /// Figures in reading order, one per code.
    public let figures: [Figure]
    /// The figures' values by code (nil for a printed blank total).
    public let values: IndicatorValues
    /// Category breakdown lines of proactive disclosure.
    public var items: [LabelledItem]
    /// Audit results.
    public var audit: [AuditResult]
    /// Reading problems worth a human look.
    public var warnings: [String]
    /// Sections present and sentence fingerprints, for the quality score.
    public var shape: ReportShape
}

/// Hints from the caller: what the configuration says the document is, and last year's figures for the audit.
public struct ExtractionHints: Sendable {
    /// The year the document was collected for.
    public var year: Int?
    /// The unit name the document was collected for.
    public var unit: String?
    /// The same unit's figures of the year before, for cross-year rules.
    public var previous: [String: Double?]?

    /// Creates hints.
    public init(year: Int? = nil, unit: String? = nil, previous: [String: Double?]? = nil) {
        self.year = year
        self.unit = unit
        self.previous = previous
    }
}

/// Why a document yields no figures.
public enum ExtractionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The document reads as text but is not a yearly report (a list page, a login page, an unrelated article).
    case notAReport(String)

    /// A plain-words explanation.
    public var description: String {
        switch self {
        case .notAReport(let what): return "not a report: \(what)"
        }
    }
}

/// Reads a `Document` into indicator figures and audits them. Pure: no I/O.
public enum Extractor {
    /// Extracts and audits one document.
    public static func extract(_ document: Document, hints: ExtractionHints = ExtractionHints()) throws
        -> ExtractionResult
    {
        let metadata = MetadataReader.read(document)
        let fullText = document.fullText
        let year = hints.year ?? metadata.year
        let compactText = fullText.withoutSpaces
        let format = FormatDetector.detect(compactText: compactText, year: year)
        guard format != .unknown else { throw ExtractionError.notAReport(NotAReportDescriber.describe(document)) }

        var figures = FigureSet()
        if format.isNewTemplate {
            var grid = FigureSet()
            Table2Extractor(format: format).extract(document.tables, into: &grid)
            Table3Extractor(format: format).extract(document.tables, into: &grid)
            Table4Extractor().extract(document.tables, into: &grid)
            if document.lines.isEmpty {
                figures = grid  // HTML and DOCX: the grids are the only reading
            } else {
                var stream = FigureSet()
                StreamTables(format: format, lines: document.lines).read(into: &stream)
                figures = FigureSet.choosing(grid, stream, format: format)
            }
        } else {
            OldTableExtractor().extract(document.tables, into: &figures)
        }
        let prose = ProseExtractor()
        prose.extract(document.paragraphs, format: format, into: &figures)
        BlankTotals.resolve(&figures, format: format)
        let items = format == .old ? prose.categories(document.paragraphs) : []

        if figures.figures.isEmpty {
            throw ExtractionError.notAReport(NotAReportDescriber.describe(document, mentionsReport: true))
        }
        let values = figures.values
        var audit = Auditor.audit(values, format: format, items: items, previous: hints.previous)
        if document.kind == .scan {
            audit.append(ScanRules.unchecked(figures.figures))
            audit.append(ScanRules.lowConfidence(figures.figures))
        }
        return ExtractionResult(
            format: format, year: year, unit: hints.unit ?? metadata.unit,
            printedUnit: metadata.unit, printedYear: metadata.year,
            published: PublicationDateReader.read(document, fullText: fullText, reportYear: year),
            figures: figures.figures, values: values, items: items, audit: audit,
            warnings: document.warnings + figures.warnings,
            shape: ReportShape.of(document, format: format, figures: figures))
    }
}
