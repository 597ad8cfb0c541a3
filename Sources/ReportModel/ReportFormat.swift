/// The layout a yearly report follows; the table wording decides it, the year is only a prior.
public enum ReportFormat: String, Sendable, Codable, CaseIterable, Hashable {
    /// 2008–2018 reports under 国务院令第492号 (appendix tables and prose).
    case old
    /// The 2019 template (国办公开办函〔2019〕60号), used for the 2019 and 2020 reports.
    case v2019 = "2019"
    /// The 2021 template (国办公开办函〔2021〕30号), used from the 2021 report on.
    case v2021 = "2021"
    /// No known layout was recognised.
    case unknown

    /// The format a report of `year` is expected to use when its wording does not decide.
    public static func expected(forYear year: Int) -> ReportFormat {
        switch year {
        case ..<2019: return .old
        case 2019...2020: return .v2019
        default: return .v2021
        }
    }

    /// Whether this is one of the two new (2019 or 2021) templates with tables 二, 三 and 四.
    public var isNewTemplate: Bool { self == .v2019 || self == .v2021 }
}
