@testable import Documents
import Foundation
import Testing

@Suite("Encodings")
struct EncodingTests {
    let gbkBytes: [UInt8] = [0xD5, 0xFE, 0xB8, 0xAE, 0xD0, 0xC5, 0xCF, 0xA2, 0xB9, 0xAB, 0xBF, 0xAA]  // 政府信息公开

    @Test func gbkBytesAreDecodedWhateverTheLabelSays() {
        let page = Array("<html><head><meta charset=\"utf-8\"></head><body><p>".utf8) + gbkBytes + Array("</p></body></html>".utf8)
        let detection = EncodingDetector.detect(page, httpCharset: nil)
        #expect(detection.encoding == .gb18030)
        #expect(detection.note?.contains("not UTF-8") == true)
        let document = try? DocumentReader.read(page)
        #expect(document?.paragraphs == ["政府信息公开"])
    }

    @Test func labelsAreHonouredWhenTheBytesAgree() {
        let page = Array("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><p>".utf8) + gbkBytes
        #expect(EncodingDetector.detect(page, httpCharset: nil) == .init(encoding: .gb18030, source: "meta", note: nil))
        #expect(EncodingDetector.detect(Array("abc".utf8), httpCharset: "GBK").encoding == .gb18030)
        #expect(EncodingDetector.detect([0xEF, 0xBB, 0xBF, 0x41], httpCharset: "gbk").source == "bom")
    }

    @Test func badBytesBecomeReplacementCharactersNotAnEmptyPage() {
        let (text, bad) = IconvDecoder.decode(gbkBytes + [0xFF] + gbkBytes, from: .gb18030)
        #expect(text.hasPrefix("政府信息公开"))
        #expect(text.hasSuffix("政府信息公开"))
        #expect(bad == 1)
    }

    @Test func fullWidthDigitsAndOddSpacesAreFolded() {
        #expect(TextNormalizer.normalize("\u{3000}２０２３\u{00A0}年 ") == "2023 年")
        #expect(TextNormalizer.compact("自然 人") == "自然人")
    }
}
