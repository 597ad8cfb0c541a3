/// A small deterministic generator (SplitMix64): the same seed gives the same demo city on every machine.
struct SeededRandom {
    private var state: UInt64

    init(seed: String) {
        // FNV-1a of the seed text, so each unit·year has its own stream.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in seed.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        state = hash
    }

    mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// True with probability `percent`/100.
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    /// Splits `total` into `parts` non-negative whole numbers, weighted toward the first ones.
    mutating func split(_ total: Int, into parts: Int) -> [Int] {
        var result = Array(repeating: 0, count: parts)
        for _ in 0..<total {
            let roll = int(0...99)
            let index = roll < 55 ? 0 : roll < 75 ? min(1, parts - 1) : int(0...(parts - 1))
            result[index] += 1
        }
        return result
    }
}
