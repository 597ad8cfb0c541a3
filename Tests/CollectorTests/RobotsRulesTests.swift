import Testing

@testable import Collector

/// robots.txt as nianbao reads it: its own group before `*`, longest rule first, wildcards, Crawl-delay.
struct RobotsRulesTests {
    private let text = """
        User-agent: *
        Disallow: /private/
        Allow: /private/open.html
        Crawl-delay: 2

        User-agent: Googlebot
        User-agent: NianBao
        Disallow: /nb/*.pdf$
        Disallow: /old
        Crawl-delay: 5
        """

    @Test func nianbaosOwnGroupWinsOverTheStar() {
        let rules = RobotsRules(text: text, userAgent: "nianbao/1.0 (+mailto:x@example.cn)")
        #expect(rules.crawlDelay == 5)
        #expect(rules.disallowing("/private/a.html") == nil, "the * group does not apply")
        #expect(rules.disallowing("/nb/2024.pdf")?.pattern == "/nb/*.pdf$")
        #expect(rules.disallowing("/nb/2024.pdf?x=1") == nil, "$ anchors the end")
        #expect(rules.disallowing("/older/page") != nil, "a rule is a prefix")
    }

    @Test func otherAgentsReadTheStarGroupLongestRuleFirst() {
        let rules = RobotsRules(text: text, userAgent: "otherbot/2")
        #expect(rules.crawlDelay == 2)
        #expect(rules.disallowing("/private/a.html")?.pattern == "/private/")
        #expect(rules.disallowing("/private/open.html") == nil, "the longer Allow wins")
        #expect(rules.disallowing("/") == nil)
        #expect(
            RobotsRules(text: "User-agent: *\nDisallow:\n", userAgent: "nianbao").disallowing("/a") == nil,
            "an empty Disallow allows everything")
    }
}
