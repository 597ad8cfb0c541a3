import Configuration
import Documents
import Fetching
import Foundation
import ReportModel
import Scheduling

/// Finds each year's report on a unit's 年报 column page: the link whose title names the year and 年度报告 or
/// 年报, following the column's "下一页" links a few pages deep.
struct ListingResolver {
    let fetcher: PoliteFetcher
    /// How many column pages are read at most.
    static let maxPages = 4

    /// URLs for `years` found on the listing; years not listed are absent. `problem` says why the listing
    /// itself could not be read, when it could not.
    func resolve(unit: UnitConfiguration, listing: String, years: [Int]) async -> (
        urls: [Int: String], problem: ListingProblem?
    ) {
        var found: [Int: String] = [:]
        var page: String? = listing
        var visited: Set<String> = []
        var problem: ListingProblem?
        while let current = page, visited.count < Self.maxPages, found.count < years.count {
            visited.insert(current)
            page = nil
            let job = FetchJob(unit: unit, year: 0, url: current, etag: nil, lastModified: nil)
            let fetched = await fetcher.fetch(job)
            guard case .response(let response) = fetched else {
                problem = ListingProblem(current, fetched)
                break
            }
            guard let document = try? DocumentReader.read(response.body, contentType: response.contentType) else {
                problem = .unreadable("the listing page \(current) is not a readable page")
                break
            }
            for year in years where found[year] == nil {
                if let link = Self.bestLink(for: year, in: document.links) {
                    found[year] = Self.absolute(link.href, base: response.finalURL)
                }
            }
            page = document.links.first { Self.isNextPage($0.title) }
                .flatMap { Self.absolute($0.href, base: response.finalURL) }
                .flatMap { visited.contains($0) ? nil : $0 }
        }
        return (found, problem)
    }

    /// The link for a year's report: its title names the year and 年度报告/年报; 政府信息公开 in the title wins ties.
    static func bestLink(for year: Int, in links: [Link]) -> Link? {
        let candidates = links.filter { link in
            let title = link.title.replacingOccurrences(of: " ", with: "")
            return title.includes("\(year)") && (title.includes("年度报告") || title.includes("年报"))
        }
        return candidates.first { $0.title.includes("政府信息公开") } ?? candidates.first
    }

    static func isNextPage(_ title: String) -> Bool {
        let compact = title.replacingOccurrences(of: " ", with: "")
        return ["下一页", "下页", "后一页", "下一頁", ">", "»"].contains(compact)
    }

    /// An http(s) URL for `href` relative to `base`; nil for other schemes (javascript:, mailto:, file:).
    static func absolute(_ href: String, base: String) -> String? {
        guard let url = URL(string: href.trimmingCharacters(in: .whitespaces), relativeTo: URL(string: base)),
            let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https"
        else { return nil }
        return url.absoluteURL.absoluteString
    }
}

/// Why a unit's listing could not be read.
enum ListingProblem {
    /// It could not be fetched or read (a failure of kind `listing`).
    case unreadable(String)
    /// Its server asked for a longer wait than the unit had left: tried again in `seconds`, by a later run.
    case deferred(seconds: Double, reason: String)

    /// The problem of a listing page `url` whose fetch ended in `attempt`; nil for a response.
    init?(_ url: String, _ attempt: FetchAttempt) {
        switch attempt {
        case .deferred(let seconds, let reason): self = .deferred(seconds: seconds, reason: reason)
        case .failed(_, let message, _), .blocked(let message):
            self = .unreadable("the listing page \(url) could not be fetched: \(message)")
        case .notAsked(let host, let reason):
            self = .unreadable("the listing page \(url) was not asked for: \(host) blocked this run (\(reason))")
        case .notPublished(let status):
            self = .unreadable("the listing page \(url) could not be fetched: HTTP \(status)")
        case .response: return nil
        }
    }
}
