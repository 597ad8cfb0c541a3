/// A picture file that may hold a report's pages, recognised by its first bytes and read by OCR.
enum ImageType: Equatable, Sendable {
    case png, jpeg, tiff

    /// The type of an image file, from its magic bytes; nil for anything else (GIF and other pictures included).
    static func sniff(_ bytes: [UInt8]) -> ImageType? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return .png }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.starts(with: [0x49, 0x49, 0x2A, 0x00]) || bytes.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) {
            return .tiff
        }
        return nil
    }

    /// The file name suffix the OCR worker reads it by.
    var suffix: String {
        switch self {
        case .png: ".png"
        case .jpeg: ".jpg"
        case .tiff: ".tif"
        }
    }

    /// How messages name it.
    var description: String {
        switch self {
        case .png: "a PNG image"
        case .jpeg: "a JPEG image"
        case .tiff: "a TIFF image"
        }
    }
}
