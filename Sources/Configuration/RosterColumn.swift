/// A column of the office's roster of units, by its config key.
public enum RosterColumn: String, CaseIterable, Sendable, Hashable {
    case id, name, kind, code, parent, deadline, listing
    case urlTemplate = "url_template"

    /// The unit key it fills in the config.
    public var key: String { rawValue }

    /// The headers that name it: the config key and the Chinese headers an office's sheet uses.
    public var headers: [String] {
        switch self {
        case .id: ["id", "单位编号", "编号"]
        case .name: ["name", "单位名称", "名称"]
        case .kind: ["kind", "类别", "单位类别", "层级"]
        case .code: ["code", "行政区划代码", "区划代码"]
        case .parent: ["parent", "上级单位", "上级"]
        case .deadline: ["deadline", "截止日期", "截止日"]
        case .listing: ["listing", "年报栏目", "栏目网址"]
        case .urlTemplate: ["url_template", "网址模板", "年报网址模板"]
        }
    }

    /// The Chinese header shown in messages.
    public var label: String { headers[1] }
}
