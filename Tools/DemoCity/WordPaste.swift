/// Restyles an article's markup as a word processor's paste into a portal's editor leaves it: a class and
/// inline styles on every paragraph, each paragraph's text in a `<span>` with an empty `<o:p>`, sections and the
/// title as bold paragraphs instead of headings, every table cell's text in a paragraph of its own, numbers in
/// Latin-language runs split after their first digit ("2</span><span>31") and the word 自然人 split where an
/// edit left a run boundary ("自然</span><span>人"), as Word's runs do.
enum WordPaste {
    static func styled(_ article: String) -> String {
        var html = article
        let body = "<span style=\"font-size:16pt;font-family:仿宋_GB2312\">"
        let replacements = [
            (
                "<h1>",
                "<p class=\"MsoNormal\" align=\"center\" style=\"text-align:center;line-height:28pt\">"
                    + "<b><span style=\"font-size:22pt;font-family:方正小标宋简体\">"
            ),
            ("</h1>", "</span></b></p>"),
            (
                "<h2>",
                "<p class=\"MsoNormal\" style=\"text-indent:32pt;line-height:28pt\"><b><span style=\"font-size:16pt;font-family:黑体\">"
            ),
            ("</h2>", "</span></b></p>"),
            ("<p>", "<p class=\"MsoNormal\" style=\"text-indent:32pt;line-height:28pt\">" + body),
            (
                "<p style=\"text-align:right\">",
                "<p class=\"MsoNormal\" align=\"right\" style=\"text-align:right;line-height:28pt\">" + body
            ),
            ("</p>", "<o:p></o:p></span></p>"),
            (
                "<table border=\"1\">",
                "<table class=\"MsoNormalTable\" border=\"1\" cellspacing=\"0\" cellpadding=\"0\" width=\"100%\" "
                    + "style=\"border-collapse:collapse\">"
            ),
        ]
        for (plain, pasted) in replacements {
            html = html.replacing(plain, with: pasted)
        }
        html = html.replacing(/<td([^>]*)>(\d)(\d*)<\/td>/) { match in
            let (_, attributes, first, rest) = match.output
            return "<td\(attributes)><span lang=\"EN-US\">\(first)</span>"
                + (rest.isEmpty ? "" : "<span lang=\"EN-US\">\(rest)</span>") + "</td>"
        }
        html = html.replacing(
            "<td rowspan=\"2\">自然人</td>", with: "<td rowspan=\"2\"><span>自然</span><span>人</span></td>")
        html = html.replacing(/<td([^>]*)>/) {
            "<td\($0.output.1) style=\"border:solid windowtext 1pt\"><p align=\"center\">"
        }
        return html.replacing("</td>", with: "</p></td>")
    }
}
