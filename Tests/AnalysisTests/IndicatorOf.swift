import ReportModel

/// The indicator, series or rate a catalogue code names; a test naming an unknown code stops here.
func indicator(_ code: String) -> IndicatorReference {
    guard let reference = IndicatorReference(code: code) else { preconditionFailure("no indicator '\(code)'") }
    return reference
}
