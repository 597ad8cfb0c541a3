import ReportModel

/// Inline SVG charts for the HTML report: no scripts, no network, readable when printed.
public enum SVGCharts {
    /// One bar of a bar chart.
    public struct Bar: Sendable {
        /// The label on the left.
        public var label: String
        /// The value (nil draws no bar and says why in `note`).
        public var value: Double?
        /// Text after the bar (the value, or 缺报 / 样本过少).
        public var note: String

        /// Creates a bar.
        public init(label: String, value: Double?, note: String) {
            self.label = label
            self.value = value
            self.note = note
        }
    }

    /// A horizontal bar chart, one row per bar, longest bar to scale.
    public static func bars(_ bars: [Bar], title: String) -> String {
        let rowHeight = 20
        let labelWidth = 110
        let barWidth = 360
        let width = 560
        let height = bars.count * rowHeight + 28
        let largest = bars.compactMap(\.value).max() ?? 0
        var svg = header(width: width, height: height, title: title)
        svg += "<text x=\"0\" y=\"14\" class=\"t\">\(HTMLText.escape(title))</text>"
        for (index, bar) in bars.enumerated() {
            let y = 24 + index * rowHeight
            svg +=
                "<text x=\"\(labelWidth - 6)\" y=\"\(y + 13)\" text-anchor=\"end\">\(HTMLText.escape(bar.label))</text>"
            var end = labelWidth
            if let value = bar.value, largest > 0 {
                let length = max(1, Int(Double(barWidth) * value / largest))
                svg +=
                    "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(length)\" height=\"\(rowHeight - 6)\" class=\"bar\"/>"
                end += length
            }
            svg += "<text x=\"\(end + 5)\" y=\"\(y + 13)\" class=\"v\">\(HTMLText.escape(bar.note))</text>"
        }
        return svg + "</svg>"
    }

    /// A line chart of values by year with a dashed line at the 2019 format break when the years cross it.
    public static func line(years: [Int], values: [Int: Double], title: String) -> String {
        let width = 560
        let height = 230
        let left = 50
        let right = 20
        let top = 44
        let bottom = 30
        let known = years.compactMap { values[$0] }
        let largest = max(known.max() ?? 1, 1)
        let step = years.count > 1 ? Double(width - left - right) / Double(years.count - 1) : 0
        func x(_ index: Int) -> Int { left + Int(Double(index) * step) }
        func y(_ value: Double) -> Int { top + Int(Double(height - top - bottom) * (1 - value / largest)) }
        var svg = header(width: width, height: height, title: title)
        svg += "<text x=\"0\" y=\"14\" class=\"t\">\(HTMLText.escape(title))</text>"
        svg +=
            "<line x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width - right)\" y2=\"\(height - bottom)\" class=\"axis\"/>"
        svg +=
            "<text x=\"\(left - 6)\" y=\"\(top + 4)\" text-anchor=\"end\" class=\"v\">\(NumberText.format(largest))</text>"
        svg += "<text x=\"\(left - 6)\" y=\"\(height - bottom)\" text-anchor=\"end\" class=\"v\">0</text>"
        if let breakIndex = years.firstIndex(of: 2019), breakIndex > 0 {
            let position = (x(breakIndex) + x(breakIndex - 1)) / 2
            svg +=
                "<line x1=\"\(position)\" y1=\"\(top)\" x2=\"\(position)\" y2=\"\(height - bottom)\" class=\"break\"/>"
            svg += "<text x=\"\(position + 4)\" y=\"\(height - bottom - 6)\" class=\"v\">口径变化</text>"
        }
        var points: [String] = []
        var placed = LabelPlaces()
        for (index, year) in years.enumerated() {
            svg += "<text x=\"\(x(index))\" y=\"\(height - 10)\" text-anchor=\"middle\" class=\"v\">\(year)</text>"
            guard let value = values[year] else { continue }
            points.append("\(x(index)),\(y(value))")
            svg += "<circle cx=\"\(x(index))\" cy=\"\(y(value))\" r=\"3\" class=\"dot\"/>"
            let text = NumberText.format(value)
            // Above the point, else below it; a label that would overlap one already drawn is left out.
            if let labelY = [y(value) - 7, y(value) + 15].first(where: { placed.isFree(x: x(index), y: $0, text: text) }
            ) {
                placed.add(x: x(index), y: labelY, text: text)
                svg += "<text x=\"\(x(index))\" y=\"\(labelY)\" text-anchor=\"middle\" class=\"v\">\(text)</text>"
            }
        }
        svg += "<polyline points=\"\(points.joined(separator: " "))\" class=\"line\"/>"
        return svg + "</svg>"
    }

    /// A small line of values by year for a table cell; gaps where a year is missing.
    public static func sparkline(years: [Int], values: [Int: Double], largest: Double) -> String {
        let width = 120
        let height = 24
        let step = years.count > 1 ? Double(width - 4) / Double(years.count - 1) : 0
        var segments: [[String]] = [[]]
        for (index, year) in years.enumerated() {
            guard let value = values[year] else {
                if !(segments.last?.isEmpty ?? true) { segments.append([]) }
                continue
            }
            let y = 2 + Int(Double(height - 4) * (1 - value / max(largest, 1)))
            segments[segments.count - 1].append("\(2 + Int(Double(index) * step)),\(y)")
        }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" class=\"spark\">"
        for segment in segments where !segment.isEmpty {
            svg +=
                segment.count == 1
                ? "<circle cx=\"\(segment[0].split(separator: ",")[0])\" cy=\"\(segment[0].split(separator: ",")[1])\" r=\"1.5\" class=\"dot\"/>"
                : "<polyline points=\"\(segment.joined(separator: " "))\" class=\"line\"/>"
        }
        return svg + "</svg>"
    }

    private static func header(width: Int, height: Int, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\" "
            + "viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\">"
    }
}

/// Escaping for text placed in HTML and SVG.
public enum HTMLText {
    /// `&`, `<`, `>` and quotes escaped.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}

/// The value labels drawn on a chart so far, as boxes, so that no two overlap.
struct LabelPlaces {
    private var boxes: [(left: Int, right: Int, baseline: Int)] = []

    /// A label's half width in pixels at the charts' 11 px value font (about 7 px a character), with a margin.
    static func halfWidth(_ text: String) -> Int { text.count * 7 / 2 + 2 }

    /// Whether `text`, centred at `x` on the baseline `y`, overlaps no label drawn.
    func isFree(x: Int, y: Int, text: String) -> Bool {
        let half = Self.halfWidth(text)
        return !boxes.contains { box in
            abs(box.baseline - y) < 11 && x - half < box.right && box.left < x + half
        }
    }

    /// Records `text` drawn centred at `x` on the baseline `y`.
    mutating func add(x: Int, y: Int, text: String) {
        let half = Self.halfWidth(text)
        boxes.append((x - half, x + half, y))
    }
}
