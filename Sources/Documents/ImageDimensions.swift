/// The width and height of a picture in pixels, read from its header (PNG's IHDR, a JPEG's frame header, a TIFF's
/// first directory) without decoding it.
struct ImageDimensions: Equatable, Sendable {
    let width: Int
    let height: Int

    /// The fewest pixels a side of a report page's picture has: an A4 page at 50 dpi is 413 × 585. Logos, banners,
    /// QR codes and captchas that portals serve are smaller, and are not sent to OCR.
    static let smallestPageSide = 400
    /// The fewest pixels of a report page's picture (about 775 × 775).
    static let smallestPageArea = 600_000

    /// Whether a picture this size can hold a legible page of a report.
    var couldBeAPage: Bool {
        min(width, height) >= Self.smallestPageSide && width * height >= Self.smallestPageArea
    }

    /// The dimensions written in the header of a picture of `type`; nil when the header is damaged or cut short.
    static func read(_ bytes: [UInt8], type: ImageType) -> ImageDimensions? {
        switch type {
        case .png: png(bytes)
        case .jpeg: jpeg(bytes)
        case .tiff: tiff(bytes)
        }
    }

    /// PNG: the IHDR chunk comes first, width and height as big-endian 32-bit numbers.
    private static func png(_ bytes: [UInt8]) -> ImageDimensions? {
        guard bytes.count >= 24, Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
        return ImageDimensions(width: bigEndian(bytes, 16, 4), height: bigEndian(bytes, 20, 4))
    }

    /// JPEG: the segments after the start marker, to the first start-of-frame (SOF0–SOF15 but DHT, JPG and DAC),
    /// whose height and width follow the sample precision.
    private static func jpeg(_ bytes: [UInt8]) -> ImageDimensions? {
        var offset = 2
        while offset + 4 <= bytes.count {
            guard bytes[offset] == 0xFF else { return nil }
            let marker = bytes[offset + 1]
            if marker == 0xFF {
                offset += 1
                continue
            }
            let length = bigEndian(bytes, offset + 2, 2)
            if (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker) {
                guard offset + 9 <= bytes.count else { return nil }
                return ImageDimensions(width: bigEndian(bytes, offset + 7, 2), height: bigEndian(bytes, offset + 5, 2))
            }
            guard length >= 2 else { return nil }
            offset += 2 + length
        }
        return nil
    }

    /// TIFF: the first image directory's ImageWidth (256) and ImageLength (257) entries, SHORT or LONG, in the
    /// byte order the header names.
    private static func tiff(_ bytes: [UInt8]) -> ImageDimensions? {
        guard bytes.count >= 8 else { return nil }
        let little = bytes[0] == 0x49
        func number(_ at: Int, _ size: Int) -> Int? {
            guard at >= 0, at + size <= bytes.count else { return nil }
            return little ? littleEndian(bytes, at, size) : bigEndian(bytes, at, size)
        }
        guard let directory = number(4, 4), let count = number(directory, 2) else { return nil }
        var width: Int?
        var height: Int?
        for index in 0..<min(count, 4_096) {
            let entry = directory + 2 + 12 * index
            guard let tag = number(entry, 2), let fieldType = number(entry + 2, 2) else { return nil }
            guard tag == 256 || tag == 257 else { continue }
            let value = fieldType == 3 ? number(entry + 8, 2) : number(entry + 8, 4)
            if tag == 256 { width = value } else { height = value }
        }
        guard let width, let height else { return nil }
        return ImageDimensions(width: width, height: height)
    }

    private static func bigEndian(_ bytes: [UInt8], _ at: Int, _ size: Int) -> Int {
        bytes[at..<(at + size)].reduce(0) { $0 << 8 | Int($1) }
    }

    private static func littleEndian(_ bytes: [UInt8], _ at: Int, _ size: Int) -> Int {
        bytes[at..<(at + size)].reversed().reduce(0) { $0 << 8 | Int($1) }
    }
}
