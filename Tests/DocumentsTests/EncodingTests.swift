import Foundation
import Testing

@testable import Documents

@Suite("Encodings")
struct EncodingTests {
    let gbkBytes: [UInt8] = [0xD5, 0xFE, 0xB8, 0xAE, 0xD0, 0xC5, 0xCF, 0xA2, 0xB9, 0xAB, 0xBF, 0xAA]  // 政府信息公开

    @Test func gbkBytesAreDecodedWhateverTheLabelSays() {
        let page =
            Array("<html><head><meta charset=\"utf-8\"></head><body><p>".utf8) + gbkBytes
            + Array("</p></body></html>".utf8)
        let detection = EncodingDetector.decode(page, httpCharset: nil).detection
        #expect(detection.encoding == .gb18030)
        #expect(detection.note?.contains("not UTF-8") == true)
        let document = try? DocumentReader.read(page)
        #expect(document?.paragraphs == ["政府信息公开"])
    }

    /// Decoded text reaches libxml2 as UTF-8: a page's own label must not make it decode the text again.
    @Test func decodedTextIsParsedAsUTF8WhateverThePageSays() {
        for label in [
            "<meta charset=\"gbk\">", "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; CHARSET=GB2312\">",
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>",
        ] {
            let page = HTMLReader.read(
                "<html><head>\(label)<title>年度报告</title></head><body><p>政府信息公开 charset=gbk</p></body></html>")
            #expect(page.title == "年度报告", "\(label)")
            #expect(page.paragraphs == ["政府信息公开 charset=gbk"], "\(label)")
        }
    }

    @Test func labelsAreHonouredWhenTheBytesAgree() {
        let page = Array("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><p>".utf8) + gbkBytes
        #expect(
            EncodingDetector.decode(page, httpCharset: nil).detection
                == .init(encoding: .gb18030, source: "meta", note: nil))
        #expect(EncodingDetector.decode(Array("abc".utf8), httpCharset: "GBK").detection.encoding == .gb18030)
        #expect(EncodingDetector.decode([0xEF, 0xBB, 0xBF, 0x41], httpCharset: "gbk").detection.source == "bom")
    }

    @Test func labelsAreReadWhateverTheirCaseQuotesAndSpaces() {
        #expect(TextEncoding(label: " \"GBK\"\n") == .gb18030)
        #expect(TextEncoding(label: "'Utf-8'") == .utf8)
        #expect(TextEncoding(label: "latin1") == nil)
        #expect(FileSniffer.charset(of: "text/html; Charset=GB2312; q=1") == "GB2312")
        #expect(FileSniffer.charset(of: "text/html") == nil)
        let page =
            Array("<HTML><HEAD><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; CHARSET='GBK'\"></HEAD><P>".utf8)
            + gbkBytes
        #expect(EncodingDetector.metaCharset(page) == "gbk")
        #expect(
            EncodingDetector.decode(page, httpCharset: nil).detection
                == .init(encoding: .gb18030, source: "meta", note: nil))
    }

    @Test func whatAFileIsComesFromItsFirstBytes() {
        #expect(
            FileSniffer.sniff(Array("<!DOCTYPE HTML><TITLE>年度报告</TITLE>".utf8), contentType: nil, fileName: nil)
                == .markup)
        #expect(FileSniffer.sniff(Array("一、总体情况\n<p>不是网页".utf8), contentType: nil, fileName: nil) == .markup)
        #expect(FileSniffer.sniff(Array("一、总体情况\n二、主动公开".utf8), contentType: "text/HTML", fileName: nil) == .markup)
        #expect(FileSniffer.sniff(Array("一、总体情况\n二、主动公开".utf8), contentType: "text/plain", fileName: nil) == .plainText)
        let noise = [UInt8](repeating: 0x01, count: 10) + Array(repeating: 0x41, count: 90)
        #expect(
            FileSniffer.sniff(noise, contentType: nil, fileName: nil)
                == .other("binary data (10 control bytes in the first 100)"))
    }

    @Test func badBytesBecomeReplacementCharactersNotAnEmptyPage() {
        let (text, bad) = IconvDecoder.decode(gbkBytes + [0xFF] + gbkBytes, from: .gb18030)
        #expect(text.hasPrefix("政府信息公开"))
        #expect(text.hasSuffix("政府信息公开"))
        #expect(bad == 1)
        #expect(IconvDecoder.decode([0xFF] + gbkBytes + [0xFF, 0x41, 0xFF], from: .gb18030).1 == 3)
    }

    @Test func fullWidthDigitsAndOddSpacesAreFolded() {
        #expect(TextNormalizer.normalize("\u{3000}２０２３\u{00A0}年 ") == "2023 年")
        #expect(TextNormalizer.compact("自然 人") == "自然人")
        // Runs that pass unchanged beside every folded form, and lead bytes of folded characters that do not fold.
        #expect(
            TextNormalizer.normalize("\u{FEFF} \t中文\u{3000}\u{3000}１２．５\u{2003}abc\n\u{200B}¢’￥")
                == "中文 12.5 abc ¢’￥")
        #expect(TextNormalizer.normalize(utf8: Array(" \u{00A0}\r\n".utf8)).isEmpty)
        #expect(TextNormalizer.normalize("a") == "a" && TextNormalizer.normalize("") == "")
    }

    @Test func controlCharactersAreSpaces() {
        // U+001F separates a label's parts when its id is made: a label that printed one could otherwise be stored
        // under the id of another label split elsewhere.
        #expect(TextNormalizer.normalize("表三\u{1F}行\u{1E}列") == "表三 行 列")
        #expect(TextNormalizer.normalize("\u{0}a\u{7}\u{1B}b\u{7F}") == "a b")
        #expect(TextNormalizer.normalize("\u{1F}") == "")
    }
}
