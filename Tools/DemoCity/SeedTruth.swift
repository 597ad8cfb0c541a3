/// What the real seed report (罗山街道 2017) prints, read by hand from `Seeds/luoshan-2017.txt`.
enum SeedTruth {
    static let figures: [String: Double] = [
        "old.proactive.total": 181, "old.proactive.cumulative": 1051, "old.channel.website": 181,
        "old.channel.website_cumulative": 1051, "old.channel.gazette": 0, "old.channel.noticeboard": 112,
        "old.apply.received": 0, "old.apply.in_person": 0, "old.apply.online": 0, "old.apply.letter": 0,
        "old.answer.total": 0,
        "old.answer.granted": 0, "old.answer.partial": 0, "old.answer.denied": 0, "old.answer.other": 0,
        "old.fee_waiver_yuan": 0, "old.review.total": 0, "old.litigation.total": 0,
        "s1.proactive_items": 181, "s1.applications": 0, "s6.processing_fee_yuan": 0,
    ]
}
