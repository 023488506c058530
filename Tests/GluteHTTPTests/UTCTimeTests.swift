import Glibc
import Testing

@testable import GluteHTTP

@Suite struct UTCTimeTests {
    /// Leap days, century rules, the epoch, before the epoch, and a spread of ordinary moments.
    static let moments: [Int] =
        [0, -1, 59, 86_399, 86_400, 951_782_400, 951_868_799, 4_107_542_400, -2_208_988_800, 1_709_251_199]
        + (0..<200).map { $0 * 15_778_463 + 12_345 }

    @Test func agreesWithGmtime() {
        for moment in Self.moments {
            var seconds = moment
            var expected = tm()
            gmtime_r(&seconds, &expected)
            let time = UTCTime(secondsSince1970: moment)
            #expect(time.year == Int(expected.tm_year) + 1900, "\(moment)")
            #expect(time.month == Int(expected.tm_mon) + 1, "\(moment)")
            #expect(time.day == Int(expected.tm_mday), "\(moment)")
            #expect(time.hour == Int(expected.tm_hour), "\(moment)")
            #expect(time.minute == Int(expected.tm_min), "\(moment)")
            #expect(time.second == Int(expected.tm_sec), "\(moment)")
            #expect(time.weekday == Int(expected.tm_wday), "\(moment)")
        }
    }

    @Test func logTimestampsAreRFC3339InUTC() {
        #expect(LogRecord.rfc3339(seconds: 951_782_400, milliseconds: 7) == "2000-02-29T00:00:00.007Z")
    }
}
