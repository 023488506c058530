import Foundation
import GluteApp
import GluteCore
import GluteJSON
import GluteSQLite
import GluteSecurity
import GluteStore
import Synchronization
import Testing

/// Logged sets and retest results for account tests.
enum SampleSets {
    /// Two sets of glute bridges at `time`, felt in the glutes.
    static func bridge(
        at time: Timestamp, pain: Int = 0, reps: [Int] = [12, 12], numbness: Bool = false,
        session: Session.Kind? = nil
    ) -> SetEntry {
        SetEntry(
            exerciseID: "glute-bridge", side: nil, setCount: reps.count, reps: reps, load: nil, durationSeconds: nil,
            felt: .glutes, balance: .steady, rpe: 6, pain: pain, numbness: numbness, performedAt: time, note: nil,
            session: session)
    }

    /// Sets of `exercise` (on `side` for one-sided work) at `time`.
    static func sets(
        _ exercise: String, side: Side?, at time: Timestamp, reps: [Int], pain: Int = 0, felt: FeltIn = .glutes,
        balance: Balance = .steady, session: Session.Kind? = nil
    ) -> SetEntry {
        SetEntry(
            exerciseID: exercise, side: side, setCount: reps.count, reps: reps, load: nil, durationSeconds: nil,
            felt: felt, balance: balance, rpe: 6, pain: pain, numbness: false, performedAt: time, note: nil,
            session: session)
    }

    /// A single-leg bridge retest felt in the glutes on both sides.
    static let bridgeRetest: JSONValue = .object([
        "left": .object(["reps": 14, "feltIn": "glutes", "pelvisLevel": true]),
        "right": .object(["reps": 18, "feltIn": "glutes", "pelvisLevel": true]),
    ])
}
