import Documents

/// Says in plain words what a document that is not a yearly report looks like.
enum NotAReportDescriber {
    static func describe(_ document: Document, mentionsReport: Bool = false) -> String {
        let text = document.fullText
        let compact = text.withoutSpaces
        if compact.isEmpty { return "no readable text" }
        if ["登录", "密码", "验证码", "login", "password"].contains(where: { compact.lowercased().contains($0) }) {
            return "a login or captcha page"
        }
        let reportLinks = document.links.filter { $0.title.includes("年报") || $0.title.includes("年度报告") }
        if reportLinks.count >= 2 || document.links.count > 20 && document.paragraphs.count < document.links.count {
            return "a list page with \(document.links.count) links (configure it as `listing`)"
        }
        let replacement = text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count
        if replacement * 10 > max(text.unicodeScalars.count, 1) { return "text in an unknown encoding" }
        if mentionsReport { return "it mentions 政府信息公开 but prints no figure nianbao can read" }
        return "\(document.kind.rawValue) text of \(compact.count) characters with no 政府信息公开 report wording"
    }
}
