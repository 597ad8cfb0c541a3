import Foundation
import ZIPFoundation

/// A DOCX whose pages are only pictures (scanned pages pasted into Word): its images under `word/media/`, read by
/// OCR as a scan, in the order of their numbers (`image1`, `image2`, … `image10`).
enum DOCXPictures {
    /// The most bytes one picture may unpack to.
    static let maxPictureBytes = 64 * 1024 * 1024
    /// The most pictures read from one document.
    static let maxPictures = 60

    /// The document the DOCX's pictures make, read by OCR; nil when it holds no PNG, JPEG or TIFF picture the size
    /// of a page.
    static func document(_ bytes: [UInt8]) throws -> Document? {
        let pictures = try images(bytes)
        guard !pictures.isEmpty else { return nil }
        var pages: [PDFPage] = []
        for (type, picture) in pictures {
            let read = try OCRReader.pages(
                picture, suffix: type.suffix, description: "a DOCX of pictures (\(type.description))")
            pages += read.map { $0.renumbered(pages.count) }
        }
        return try DocumentReader.scan(pages, description: "a DOCX of pictures")
    }

    /// The pictures under `word/media/` large enough to be pages, by their number, each checked for its size as it
    /// unpacks.
    static func images(_ bytes: [UInt8]) throws -> [(ImageType, [UInt8])] {
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            return []
        }
        let entries = archive.filter { $0.path.hasPrefix("word/media/") && $0.type == .file }
            .sorted { number(in: $0.path) < number(in: $1.path) }
        var pictures: [(ImageType, [UInt8])] = []
        for entry in entries.prefix(maxPictures) {
            guard entry.uncompressedSize <= UInt64(maxPictureBytes) else {
                throw DocumentError.tooLarge(
                    "a DOCX picture (\(entry.path)) unpacks to more than \(maxPictureBytes / 1_048_576) MB")
            }
            var collected = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    guard collected.count + chunk.count <= maxPictureBytes else {
                        throw DocumentError.tooLarge(
                            "a DOCX picture (\(entry.path)) unpacks to more than \(maxPictureBytes / 1_048_576) MB")
                    }
                    collected.append(chunk)
                }
            } catch let error as DocumentError {
                throw error
            } catch {
                throw DocumentError.notAReport("a damaged picture in a DOCX (\(entry.path): \(error))")
            }
            let picture = [UInt8](collected)
            // Logos and small pictures beside the text are not pages.
            if let type = ImageType.sniff(picture), ImageDimensions.read(picture, type: type)?.couldBeAPage ?? true {
                pictures.append((type, picture))
            }
        }
        return pictures
    }

    /// The number in a media file's name (`word/media/image12.jpeg` → 12); names without one come last.
    private static func number(in path: String) -> Int {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return Int(name.filter(\.isNumber)) ?? Int.max
    }
}

extension PDFPage {
    /// The page as page `index` of a longer document (its words say so).
    func renumbered(_ index: Int) -> PDFPage {
        PDFPage(
            width: width, height: height,
            words: words.map {
                PDFWord(
                    text: $0.text, page: index, minX: $0.minX, minY: $0.minY, maxX: $0.maxX, maxY: $0.maxY,
                    confidence: $0.confidence)
            })
    }
}
