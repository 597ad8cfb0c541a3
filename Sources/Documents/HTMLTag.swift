/// What an HTML element's name means to reading a page; each name met is looked up once per page.
enum HTMLTag: Sendable {
    case title, head, script, style, table, link
    /// Left out with its text: noscript, template, select, option.
    case skipped
    /// Site-template parts around the report by name: nav, header, footer, aside, menu.
    case chrome
    /// body and html: blocks that are never site template.
    case root
    /// p, div and br: they end a paragraph, and separate words inside a cell.
    case breaking
    /// Other elements that end a paragraph.
    case block
    /// A table row.
    case row
    /// thead, tbody and tfoot: they hold rows.
    case rowGroup
    /// td and th.
    case cell
    /// Everything else: its text runs on.
    case inline

    /// The tag of a lower-cased element name (libxml2's HTML parser lower-cases names).
    init(name: String) {
        self = Self.byName[name] ?? .inline
    }

    private static let byName: [String: HTMLTag] = {
        var tags: [String: HTMLTag] = [
            "title": .title, "head": .head, "script": .script, "style": .style,
            "table": .table, "a": .link, "body": .root, "html": .root, "tr": .row,
            "thead": .rowGroup, "tbody": .rowGroup, "tfoot": .rowGroup,
            "td": .cell, "th": .cell, "p": .breaking, "div": .breaking, "br": .breaking,
        ]
        for name in ["noscript", "template", "select", "option"] { tags[name] = .skipped }
        for name in [
            "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "blockquote", "pre",
            "dd", "dt", "dl", "hr", "center", "form", "main",
        ] { tags[name] = .block }
        for name in ["nav", "header", "footer", "aside", "menu"] { tags[name] = .chrome }
        return tags
    }()
}
