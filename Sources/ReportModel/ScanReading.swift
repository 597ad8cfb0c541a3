/// A box on a page, in points from the page's top-left corner.
public struct PageBox: Sendable, Codable, Hashable {
    /// The left edge.
    public var minX: Double
    /// The top edge.
    public var minY: Double
    /// The right edge.
    public var maxX: Double
    /// The bottom edge.
    public var maxY: Double

    /// Creates a box from its corners.
    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }
}

/// Where OCR read a printed cell of a scanned page, and how sure it was: kept with every figure read from a scan,
/// so that an analyst can find the cell on the page and judge it.
public struct ScanReading: Sendable, Codable, Hashable {
    /// The page, counted from 1.
    public var page: Int
    /// Where the cell's text stands on the page.
    public var box: PageBox
    /// How sure OCR was (0–1): the least sure of the cell's characters.
    public var confidence: Double

    /// Creates a reading.
    public init(page: Int, box: PageBox, confidence: Double) {
        self.page = page
        self.box = box
        self.confidence = confidence
    }
}
