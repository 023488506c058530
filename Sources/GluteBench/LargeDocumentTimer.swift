import Foundation
internal import GluteJSON

/// Times the parser's worst case as a server meets it: one object of 60,000 keys, beside a peer
/// of the same size whose objects hold one key each, so that the ratio shows what finding
/// duplicate keys costs: about 1 with hashing, several hundred when each key was compared with
/// every earlier one.
enum LargeDocumentTimer {
    static let keys = 60_000

    static func report() {
        let object = Array(("{" + (0..<keys).map { "\"key\($0)\":\($0)" }.joined(separator: ",") + "}").utf8)
        let peer = Array(("[" + (0..<keys).map { "{\"key\($0)\":\($0)}" }.joined(separator: ",") + "]").utf8)
        let objectTime = best(of: 5) { _ = try? JSONValue.parse(object) }
        let peerTime = best(of: 5) { _ = try? JSONValue.parse(peer) }
        print("Large JSON, best of 5:")
        print(
            "  one object of \(keys) keys (\(object.count / 1000) KB): \(Bench.fmt(objectTime)) ms; "
                + "peer, \(keys) one-key objects: \(Bench.fmt(peerTime)) ms; ratio \(Bench.fmt(objectTime / peerTime))")
    }

    /// The shortest of `runs` timings of `body`, in milliseconds.
    static func best(of runs: Int, _ body: () -> Void) -> Double {
        var fastest = Double.infinity
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            fastest = min(fastest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
        return fastest
    }
}
