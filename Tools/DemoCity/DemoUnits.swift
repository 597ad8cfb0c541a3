import Foundation

/// A unit of the demo city.
public struct DemoUnit: Sendable, Hashable {
    /// Stable id.
    public let id: String
    /// Short name (罗山街道).
    public let name: String
    /// The printed issuing body (罗山街道办事处).
    public let body: String
    /// 街道 or 镇.
    public let kind: String
    /// A demo 行政区划代码.
    public let code: String
}

/// The 晋江市 units of the demo: its 6 街道 and 13 镇.
public enum DemoUnits {
    /// All units in configuration order.
    public static let all: [DemoUnit] = {
        let streets = [
            ("qingyang", "青阳"), ("meiling", "梅岭"), ("xiyuan", "西园"), ("luoshan", "罗山"), ("lingyuan", "灵源"),
            ("xintang", "新塘"),
        ]
        let towns = [
            ("anhai", "安海"), ("cizao", "磁灶"), ("chendai", "陈埭"), ("chidian", "池店"), ("dongshi", "东石"),
            ("jinjing", "金井"), ("longhu", "龙湖"), ("neikeng", "内坑"), ("shenhu", "深沪"), ("xibin", "西滨"),
            ("yinglin", "英林"), ("yonghe", "永和"), ("zimao", "紫帽"),
        ]
        var units: [DemoUnit] = []
        for (index, (id, name)) in streets.enumerated() {
            units.append(
                DemoUnit(
                    id: id, name: "\(name)街道", body: "\(name)街道办事处", kind: "街道",
                    code: "350582" + String(format: "%03d", index + 1)))
        }
        for (index, (id, name)) in towns.enumerated() {
            units.append(
                DemoUnit(
                    id: id, name: "\(name)镇", body: "\(name)镇人民政府", kind: "镇",
                    code: "350582" + String(format: "%03d", index + 101)))
        }
        return units
    }()
}
