import GluteCore
import Testing

/// Load rounding in kg and lb for each step, and ACSM 2009's 2-10 % bounds.
@Suite struct ProgressionLoadTests {
    /// A current load, its step, and the expected next load and whether it is within 2-10 %.
    struct Row: Sendable, CustomStringConvertible {
        var from: Double
        var unit: LoadUnit
        var increment: LoadIncrement
        var to: Double?
        var within = true
        var description: String { "\(from) \(unit) \(increment) -> \(to.map { "\($0)" } ?? "none")" }
    }

    static let increases: [Row] = [
        // kg, 1 kg step
        Row(from: 10, unit: .kg, increment: .fine, to: 11),
        Row(from: 20, unit: .kg, increment: .fine, to: 21),
        Row(from: 40, unit: .kg, increment: .fine, to: 42),
        Row(from: 50, unit: .kg, increment: .fine, to: 52),  // 52.5 is a tie: the lighter load wins
        Row(from: 6, unit: .kg, increment: .fine, to: 7, within: false),  // one step is 16.7 %
        // kg, 2.5 kg step
        Row(from: 20, unit: .kg, increment: .standard, to: 22.5, within: false),  // one step is 12.5 %
        Row(from: 21, unit: .kg, increment: .standard, to: 22.5),  // off the grid: back onto it
        Row(from: 50, unit: .kg, increment: .standard, to: 52.5),
        Row(from: 60, unit: .kg, increment: .standard, to: 62.5),
        Row(from: 100, unit: .kg, increment: .standard, to: 105),
        // lb, 2.5 lb step
        Row(from: 20, unit: .lb, increment: .fine, to: 22.5, within: false),
        Row(from: 45, unit: .lb, increment: .fine, to: 47.5),
        Row(from: 100, unit: .lb, increment: .fine, to: 105),
        // lb, 5 lb step
        Row(from: 45, unit: .lb, increment: .standard, to: 50, within: false),
        Row(from: 135, unit: .lb, increment: .standard, to: 140),
        Row(from: 200, unit: .lb, increment: .standard, to: 210),
        // no load yet: one step
        Row(from: 0, unit: .kg, increment: .standard, to: 2.5, within: false),
    ]

    @Test(arguments: increases)
    func increaseRoundsToTheStep(_ row: Row) {
        let change = LoadAdjustment.increase(from: Load(row.from, row.unit), increment: row.increment)
        #expect(change.to == row.to.map { Load($0, row.unit) })
        #expect(change.isWithinGuideline == row.within)
    }

    static let decreases: [Row] = [
        Row(from: 10, unit: .kg, increment: .fine, to: 9),
        Row(from: 1, unit: .kg, increment: .fine, to: nil),
        Row(from: 20, unit: .kg, increment: .standard, to: 17.5),
        Row(from: 2.5, unit: .kg, increment: .standard, to: nil),
        Row(from: 21, unit: .kg, increment: .standard, to: 17.5),
        Row(from: 45, unit: .lb, increment: .fine, to: 40),
        Row(from: 100, unit: .lb, increment: .standard, to: 90),
        Row(from: 5, unit: .lb, increment: .standard, to: nil),
    ]

    @Test(arguments: decreases)
    func decreaseDropsAboutTenPercentAndAtLeastOneStep(_ row: Row) {
        let change = LoadAdjustment.decrease(from: Load(row.from, row.unit), increment: row.increment)
        #expect(change.to == row.to.map { Load($0, row.unit) })
        if let to = change.to { #expect(to.value < row.from) }
    }

    /// Over a wide span of loads: the next load is on the step grid, heavier, and within 2-10 %
    /// whenever any multiple of the step is; otherwise it is the lightest multiple at least 2 % up.
    @Test(arguments: LoadIncrement.allCases, LoadUnit.allCases)
    func increaseStaysInsideTheACSMBounds(_ increment: LoadIncrement, unit: LoadUnit) {
        let step = increment.step(in: unit)
        for tenth in stride(from: 10, through: 4000, by: 5) {
            let current = Double(tenth) / 10
            let change = LoadAdjustment.increase(from: Load(current, unit), increment: increment)
            guard let next = change.to else {
                Issue.record("\(current) \(unit) gave no load")
                continue
            }
            let ratio = next.value / current
            let grid = (next.value / step).rounded() * step
            #expect(abs(grid - next.value) < 1e-9, "\(current) -> \(next) is off the \(step) grid")
            #expect(next.unit == unit)
            let multipleFits = (current * 1.02 / step - 1e-9).rounded(.up) * step <= current * 1.10 + 1e-9
            if multipleFits {
                #expect(change.isWithinGuideline, "\(current) -> \(next)")
                #expect(ratio >= 1.02 - 1e-9 && ratio <= 1.10 + 1e-9, "\(current) -> \(next)")
            } else {
                #expect(!change.isWithinGuideline, "\(current) -> \(next)")
                #expect(ratio > 1.10 && next.value - step < current * 1.02, "\(current) -> \(next)")
            }
            #expect(abs(change.percentChange - (ratio - 1) * 100) < 1e-9)
        }
    }

    @Test func stepsAreTheDocumentedOnes() {
        #expect(LoadIncrement.fine.step(in: .kg) == 1)
        #expect(LoadIncrement.fine.step(in: .lb) == 2.5)
        #expect(LoadIncrement.standard.step(in: .kg) == 2.5)
        #expect(LoadIncrement.standard.step(in: .lb) == 5)
    }

    @Test func unusableLoadsComeBackUnchanged() {
        let huge = Load(1e12, .kg)
        #expect(LoadAdjustment.increase(from: huge, increment: .fine).to == huge)
        #expect(LoadAdjustment.decrease(from: huge, increment: .fine).to == huge)
        let nan = LoadAdjustment.increase(from: Load(.nan, .lb), increment: .fine)
        #expect(nan.isWithinGuideline == false)
    }

    @Test func loadsPrintWithoutTrailingZeros() {
        #expect(Load(21, .kg).description == "21 kg")
        #expect(Load(22.5, .lb).description == "22.5 lb")
    }
}
