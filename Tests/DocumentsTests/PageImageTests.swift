import Foundation
import TestSupport
import Testing
import ZIPFoundation

@testable import Documents

/// Pictures are measured from their headers: a page goes to OCR, a portal's logo, banner or QR code does not
/// (it is not a report, and OCR would only spend its memory on it).
@Suite("Page pictures and logos")
struct PageImageTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        try LocalFile.bytes(atPath: RepositoryPaths.fixture(name, target: "DocumentsTests").path)
    }

    static func corpus(_ name: String) throws -> [UInt8] {
        try LocalFile.bytes(atPath: OCRTests.corpus(name).path)
    }

    @Test func dimensionsAreReadFromPNGJPEGAndTIFFHeaders() throws {
        #expect(ImageDimensions.read(try Self.fixture("portal-logo.png"), type: .png) == .init(width: 240, height: 80))
        #expect(
            ImageDimensions.read(try Self.fixture("portal-banner.jpg"), type: .jpeg) == .init(width: 1200, height: 150))
        #expect(ImageDimensions.read(try Self.fixture("portal-qr.tif"), type: .tiff) == .init(width: 300, height: 300))
        // The corpus's scans: A4 pages at 200 dpi.
        let page = try #require(ImageDimensions.read(try Self.corpus("r01-2021-2021.200.p1.scan.jpg"), type: .jpeg))
        #expect(abs(page.width - 1654) <= 60 && abs(page.height - 2339) <= 60, "\(page)")
        #expect(page.couldBeAPage)
        let tiff = try #require(ImageDimensions.read(try Self.corpus("r01-2021-2021.200.scan.tif"), type: .tiff))
        #expect(tiff.couldBeAPage, "\(tiff)")
    }

    @Test func aCutShortHeaderGivesNoDimensions() throws {
        let jpeg = try Self.fixture("portal-banner.jpg")
        #expect(ImageDimensions.read(Array(jpeg.prefix(20)), type: .jpeg) == nil)
        #expect(ImageDimensions.read(Array(try Self.fixture("portal-logo.png").prefix(16)), type: .png) == nil)
        #expect(ImageDimensions.read([0x49, 0x49, 0x2A, 0x00, 0xFF, 0xFF, 0, 0], type: .tiff) == nil)
    }

    /// Refused from the header, before OCR and whether or not OCR is installed.
    @Test(arguments: ["portal-logo.png", "portal-banner.jpg", "portal-qr.tif"])
    func aPortalsSmallPictureIsNotAReport(name: String) throws {
        #expect {
            try DocumentReader.read(contentsOf: RepositoryPaths.fixture(name, target: "DocumentsTests"))
        } throws: { error in
            guard case DocumentError.notAReport(let why) = error else { return false }
            return why.contains("too small to be a page of a report") && why.contains("pixels")
        }
    }

    /// A Word document's logo is not one of its pages.
    @Test func aDOCXsLogoIsNotTakenForAPage() throws {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, bytes) in [
            ("word/media/image1.png", try Self.fixture("portal-logo.png")),
            ("word/media/image2.jpeg", try Self.corpus("r01-2021-2021.200.p1.scan.jpg")),
        ] {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count),
                provider: { position, size in Data(bytes[Int(position)..<Int(position) + size]) })
        }
        let pictures = try DOCXPictures.images([UInt8](try #require(archive.data)))
        #expect(pictures.map(\.0) == [.jpeg])
    }
}
