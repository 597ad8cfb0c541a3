import Documents
import Foundation
import ReportModel

/// An article whose body only says "详见附件" leads to its PDF/DOC/DOCX attachment.
enum AttachmentFinder {
    private static let suffixes = [".pdf", ".doc", ".docx", ".wps"]

    /// The attachment to read instead of a page with these `links`, when it points to one.
    static func attachment(in links: [Link], pageURL: String) -> String? {
        let files = links.filter { link in
            let path = link.href.lowercased().split(separator: "?").first.map(String.init) ?? ""
            return suffixes.contains { path.hasSuffix($0) }
        }
        let preferred = files.first { $0.title.includes("年度报告") || $0.title.includes("年报") } ?? files.first
        return preferred.flatMap { ListingResolver.absolute($0.href, base: pageURL) }
    }
}
