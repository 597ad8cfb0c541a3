import Testing

@testable import Collector

@Suite("Captcha and firewall pages are recognised")
struct WAFDetectorTests {
    let gbkNoise: [UInt8] = [0xD5, 0xFE, 0xB8, 0xAE, 0xD0, 0xC5, 0xCF, 0xA2]  // 政府信息 in GBK

    @Test func aMarkerInAnyCaseAfterOtherBytesIsABlock() {
        #expect(WAFDetector.looksBlocked(gbkNoise + Array("<title>Please solve the CAPTCHA</title>".utf8)))
        #expect(WAFDetector.looksBlocked(Array("<p>请输入验证码后继续访问</p>".utf8)))
        #expect(WAFDetector.looksBlocked(Array("您的请求已被WAF拦截".utf8)))
    }

    @Test func aReportOrAPageWithoutMarkersIsNot() {
        #expect(!WAFDetector.looksBlocked(Array("<h1>2024年政府信息公开工作年度报告</h1><p>设置验证码登录</p>".utf8)))
        #expect(!WAFDetector.looksBlocked(gbkNoise + Array("<p>一、总体情况</p>".utf8)))
        // Only the first 16 KB are looked at, and a body of 64 KB or more is a document, not an interstitial.
        let padding = [UInt8](repeating: 0x20, count: 16 * 1024)
        #expect(!WAFDetector.looksBlocked(padding + Array("captcha".utf8)))
        #expect(!WAFDetector.looksBlocked(Array("captcha".utf8) + [UInt8](repeating: 0x20, count: 64 * 1024)))
    }
}
