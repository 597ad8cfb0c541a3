/// The text below one element, gathered from the page's events as they come: script and style text left out,
/// p/div/br as word breaks ("自然</span><span>人" joins, "自然<br>人" does not), nested tables left out of a cell's own
/// text.
struct HTMLTextCapture {
    /// The text's UTF-8 bytes so far.
    private(set) var bytes: [UInt8] = []
    /// Whether the text of tables inside is left out (a cell's text).
    private(set) var skipsTables: Bool
    /// How deep the events are inside an element whose text is left out (0: none).
    private var skippedDepth = 0

    init(skipsTables: Bool) {
        self.skipsTables = skipsTables
    }

    /// Starts over for another element, keeping the storage.
    mutating func restart(skipsTables: Bool) {
        self.skipsTables = skipsTables
        bytes.removeAll(keepingCapacity: true)
        skippedDepth = 0
    }

    /// An element starts below the captured one.
    mutating func enter(_ tag: HTMLTag) {
        if skippedDepth > 0 {
            skippedDepth += 1
            return
        }
        switch tag {
        case .script, .style: skippedDepth = 1
        case .table where skipsTables: skippedDepth = 1
        case .breaking: bytes.append(0x20)
        default: break
        }
    }

    /// An element entered below the captured one ends.
    mutating func leave(_ tag: HTMLTag) {
        if skippedDepth > 0 {
            skippedDepth -= 1
        } else if case .breaking = tag {
            bytes.append(0x20)
        }
    }

    /// Text below the captured element.
    mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        if skippedDepth == 0 { bytes.append(contentsOf: text) }
    }
}
