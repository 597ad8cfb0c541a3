/// The planted features of the demo city: what it is made to show.
public enum DemoScenario {
    /// The years of the demo.
    public static let years = 2017...2025
    /// A unit·year that was never published (shows "missing").
    public static let unpublished: (unit: String, year: Int) = ("zimao", 2025)
    /// The report changed after publication: the original version is kept under `Seeds/demo/revisions/`.
    public static let revised: (unit: String, year: Int) = ("anhai", 2023)
    /// Reports made inconsistent on purpose, with the rules they break.
    public static let planted: [String: Set<String>] = [
        "chendai|2022": ["t3.row.new_received", "t3.balance.total"],
        "yonghe|2020": ["t4.review.sum"],
        "xibin|2018": ["old.apply.channels"],
    ]
    /// Pages written in GB18030 with a `gb2312` label.
    public static let gbk: Set<String> = ["cizao|2019", "longhu|2020", "jinjing|2021"]
    /// A GB18030 page whose `<meta>` wrongly says utf-8.
    public static let gbkMislabelled: Set<String> = ["shenhu|2019"]
    /// Reports first published after the 01-31 deadline (month, day).
    public static let late: [String: (Int, Int)] = [
        "neikeng|2021": (2, 20), "shenhu|2024": (3, 5), "xintang|2018": (2, 14),
    ]
}
