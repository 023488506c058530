import GluteCore
import Testing

@Suite struct FormAnalysisRepetitionTests {
    /// Feeds `values` at 30 frames a second and returns what the detector found.
    func detect(_ values: [Double], closeOpen: Bool = false) -> [DetectedRepetition] {
        var detector = RepetitionDetector(enter: 0.1, exit: 0.04, minimumDuration: 0.4)
        var found: [DetectedRepetition] = []
        for (index, value) in values.enumerated() {
            if let rep = detector.push(time: Double(index) / 30, excursion: value, sample: FrameSample()) {
                found.append(rep)
            }
        }
        if let rep = detector.finish(closeOpen: closeOpen) { found.append(rep) }
        return found
    }

    @Test func noiseAroundTheEntryThresholdCountsOnce() {
        // Rise to 0.3, then dither around the entry threshold for a while, then come back down.
        var values = [Double](repeating: 0, count: 10)
        values += (0..<15).map { Double($0) / 50 }
        values += (0..<30).map { $0 % 2 == 0 ? 0.09 : 0.11 }
        values += [0.02, 0, 0]
        let reps = detect(values)
        #expect(reps.count == 1)
        #expect(abs((reps.first?.peak ?? 0) - 0.28) < 1e-9)
    }

    @Test func shortBlipsAreNotRepetitions() {
        var values = [Double](repeating: 0, count: 10)
        values += [0.2, 0.2, 0.2, 0.0]
        values += [Double](repeating: 0, count: 10)
        #expect(detect(values).isEmpty)
    }

    @Test func startAndEndAreWhereTheSignalLeavesAndReachesRest() throws {
        var values = [Double](repeating: 0, count: 30)
        values += (1...30).map { Double($0) / 100 }
        values += (0..<30).reversed().map { Double($0) / 100 }
        values += [Double](repeating: 0, count: 30)
        let rep = try #require(detect(values).first)
        #expect(abs(rep.start - 32.0 / 30) < 1e-9)  // last frame under the exit threshold (0.03 at frame 32)
        #expect(abs(rep.bottom - 59.0 / 30) < 1e-9)
        #expect(abs(rep.end - 86.0 / 30) < 1e-9)
    }

    @Test func aHoldRunningToTheEndIsClosedOnlyWhenAsked() {
        let values = [Double](repeating: 0, count: 10) + [Double](repeating: 0.3, count: 40)
        #expect(detect(values).isEmpty)
        #expect(detect(values, closeOpen: true).count == 1)
    }
}
