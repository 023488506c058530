import Foundation
import GluteCore
import Testing

@Suite struct FormAnalysisAngleTests {
    @Test func arctangentMatchesTheSystemLibrary() {
        var worst = 0.0
        for step in 0..<3600 {
            let angle = Double(step) / 10 * Double.pi / 180
            for radius in [0.001, 1.0, 900.0] {
                let x = radius * cos(angle), y = radius * sin(angle)
                let expected = atan2(y, x) * 180 / Double.pi
                var difference = abs(PlaneAngle.atan2Degrees(y, x) - expected)
                if difference > 180 { difference = 360 - difference }
                worst = max(worst, difference)
            }
        }
        #expect(worst < 0.001)
        #expect(PlaneAngle.atan2Degrees(0, 0) == 0)
    }

    @Test func turnIsSignedAndBetweenIsNot() {
        #expect(abs(PlaneAngle.turn(1, 0, 0, 1) - 90) < 1e-3)
        #expect(abs(PlaneAngle.turn(0, 1, 1, 0) + 90) < 1e-3)
        #expect(abs(PlaneAngle.between(0, 1, 1, 0) - 90) < 1e-3)
        #expect(abs(PlaneAngle.between(1, 0, -1, 0) - 180) < 1e-3)
    }
}
