/// The free-text parts of demo reports, varied by unit and year so that, as in real reports, most units do not
/// repeat last year's wording — except the ones planted as copy-paste.
enum DemoProse {
    static let openings = [
        "坚持以公开为常态、不公开为例外，持续深化政务公开", "围绕中心工作，推进决策、执行、管理、服务、结果公开",
        "以群众需求为导向，进一步提升政务公开的针对性", "健全政务公开制度，规范信息发布审核流程",
        "加强政策解读和回应关切，做好重点领域信息公开", "依托门户网站和政务新媒体，拓宽公开渠道",
        "推进基层政务公开标准化规范化建设", "把政务公开纳入年度绩效考评，压实工作责任",
    ]
    static let problems = [
        "政策解读的形式还不够丰富", "部分信息发布的及时性有待提高", "公开内容与群众需求的契合度仍需加强",
        "工作人员业务能力有待进一步提升", "基层公开栏更新不够及时", "依申请公开的答复文书还需更加规范",
        "政务新媒体互动回应还不够充分", "主动公开目录的动态调整还不到位",
    ]
    static let plans = [
        "下一步将加强业务培训，提升公开质量", "下一步将完善信息发布协调机制", "下一步将丰富政策解读形式",
        "下一步将加强公开栏的日常管理", "下一步将规范依申请公开办理流程", "下一步将强化考核督促",
    ]

    /// Reports that copy another report's free text (the unit name of the copied report included).
    static let copies: [String: (unit: String, name: String, year: Int)] = [
        "dongshi|2024": ("dongshi", "东石镇", 2023), "yinglin|2025": ("xibin", "西滨镇", 2025),
    ]

    /// The opening sentence, the problems and the plan of a unit·year.
    static func text(unitId: String, unitName: String, year: Int) -> (opening: String, problems: String, plan: String) {
        if let source = copies["\(unitId)|\(year)"] {
            return text(unitId: source.unit, unitName: source.name, year: source.year)
        }
        var random = SeededRandom(seed: "\(unitId)|\(year)|prose")
        let first = random.int(0...(problems.count - 1))
        let second = (first + 1 + random.int(0...(problems.count - 2))) % problems.count
        return (
            "\(unitName)\(openings[random.int(0...(openings.count - 1))])",
            "一是\(problems[first])；二是\(problems[second])。", "\(plans[random.int(0...(plans.count - 1))])。"
        )
    }
}
