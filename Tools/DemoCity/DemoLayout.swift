/// How a demo report is laid out on its page.
public enum DemoLayout: String, Sendable, Hashable {
    /// The report alone in a small site template, with a sentence or two per section: the demo city's files,
    /// small enough to read through.
    case compact
    /// As city and county portals publish reports typed into their editors: the article inside the portal's
    /// whole page (its head, menus, breadcrumb, tools and footer) with the full prose of each section; plain-text
    /// copies carry the full prose too.
    case portal
    /// A portal page whose body was pasted from the word processor: styles on every paragraph and cell, each
    /// cell's text in a paragraph of its own, sections and the title as bold paragraphs instead of headings.
    case pastedFromWord

    /// True for the portals' layouts, which carry the full prose.
    var isPublished: Bool { self != .compact }
}
