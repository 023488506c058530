import Foundation
import GluteJSON

/// The example assessment documents of the CLI tests (`Tests/GluteCLITests/Fixtures`), read from
/// the source tree, and edited copies of them.
enum Cases {
    /// `Tests/GluteCLITests/Fixtures`, found from this file.
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // GluteAppTests
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("GluteCLITests/Fixtures")

    /// The desk worker: left-side amnesia, band and kettlebell, 09:00-17:00 Monday to Friday,
    /// training Monday, Wednesday, Friday, no time zone of her own.
    static let desk = "cases/desk-worker-left-amnesia.json"
    /// A right-side weakness with a failed hinge test: the hinge wall drill is in both the
    /// activation and the strength session on Monday, Wednesday and Friday.
    static let hingeFail = "more-cases/hinge-fail.json"
    /// A night shift, 22:00-06:00 Monday to Friday nights, Europe/Berlin.
    static let nightShift = "more-cases/night-shift.json"
    /// Leg numbness reported in the assessment (the cautious plan).
    static let neural = "more-cases/neural.json"
    /// Wake-up calls every 45 minutes.
    static let every45 = "more-cases/wake-up-every-45.json"
    /// A saddle-numbness red flag: the screen stops the plan.
    static let redFlag = "cases/red-flag-saddle-numbness.json"

    /// The document at `name` (relative to the fixtures folder), parsed.
    static func document(_ name: String) throws -> JSONValue {
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        return try JSONValue.parse(text)
    }

    /// The document at `name` with each `(path, value)` edit applied, as text.
    ///
    /// A path is dot-separated object keys: `"profile.timeZone"`; a `nil` value removes the member.
    static func text(_ name: String, _ edits: [(String, JSONValue?)] = []) throws -> String {
        var value = try document(name)
        for (path, replacement) in edits {
            value = value.setting(path.split(separator: ".").map(String.init)[...], to: replacement)
        }
        return value.serialized(.pretty)
    }
}

extension JSONValue {
    /// This value with the member at `path` set to `replacement` (removed when `nil`); missing
    /// objects on the way are created.
    func setting(_ path: ArraySlice<String>, to replacement: JSONValue?) -> JSONValue {
        guard let key = path.first else { return replacement ?? .null }
        var object = objectValue ?? JSONObject()
        if path.count == 1 {
            object[key] = replacement
        } else {
            object[key] = (object[key] ?? .object(JSONObject())).setting(path.dropFirst(), to: replacement)
        }
        return .object(object)
    }

    /// The value at a dot-separated path of object keys, if any.
    subscript(path path: String) -> JSONValue? {
        var value: JSONValue? = self
        for key in path.split(separator: ".") { value = value?.objectValue?[String(key)] }
        return value
    }
}
