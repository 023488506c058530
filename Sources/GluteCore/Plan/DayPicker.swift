/// Chooses days for sessions: the person's own days first, spread over the week.
enum DayPicker {
    /// `count` days taken from `tiers` in order of preference.
    ///
    /// Every day of a tier is used before any day of a later tier. Among the sets that do so, the
    /// one whose closest two days (counting round the week) are farthest apart wins, then the one
    /// earliest in preference order. A day listed in several tiers counts in the first.
    ///
    /// ```swift
    /// DayPicker.spread(count: 3, tiers: [[.mon, .tue, .wed, .thu, .fri]])   // [.mon, .wed, .fri]
    /// DayPicker.spread(count: 3, tiers: [[.sat], [.mon, .tue, .wed, .thu, .fri]])   // [.mon, .wed, .sat]
    /// ```
    static func spread(count: Int, tiers: [[Weekday]]) -> [Weekday] {
        // Work on week bit masks (bit 0 = Monday): at most 128 subsets, no allocation per subset.
        var poolMask = 0
        var tierMasks: [Int] = []
        var position = [Int](repeating: 0, count: 7)  // rank of each day in preference order
        var rank = 0
        for tier in tiers {
            var mask = 0
            for day in tier where poolMask & (1 << day.index) == 0 {
                poolMask |= 1 << day.index
                mask |= 1 << day.index
                position[day.index] = rank
                rank += 1
            }
            tierMasks.append(mask)
        }
        let size = min(count, poolMask.nonzeroBitCount)
        guard size > 0 else { return [] }
        var best: (mask: Int, score: [Int]) = (0, [])
        for mask in 1..<128 where mask & poolMask == mask && mask.nonzeroBitCount == size {
            var order = 0
            for day in 0..<7 where mask & (1 << day) != 0 { order += position[day] }
            let score = tierMasks.map { ($0 & mask).nonzeroBitCount } + [minimumGap(weekMask: mask), -order]
            if best.score.isEmpty || best.score.lexicographicallyPrecedes(score) { best = (mask, score) }
        }
        return Weekday.allCases.filter { best.mask & (1 << $0.index) != 0 }
    }

    /// `count` days from `preferring`, then `fallback` when there are not enough.
    static func spread(count: Int, preferring: [Weekday], fallback: [Weekday]) -> [Weekday] {
        spread(count: count, tiers: [preferring, fallback])
    }

    /// The smallest distance in days between two days of a week bit mask (bit 0 = Monday),
    /// counting round the week; 7 for a single day.
    static func minimumGap(weekMask: Int) -> Int {
        var first = -1, previous = -1, gap = 7
        for day in 0..<7 where weekMask & (1 << day) != 0 {
            if previous >= 0 { gap = min(gap, day - previous) } else { first = day }
            previous = day
        }
        guard first >= 0, previous != first else { return 7 }
        return min(gap, 7 - (previous - first))
    }
}
