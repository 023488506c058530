import GluteSQLite
import GluteStore
import Testing

/// Where the CLI's database goes.
@Suite struct DatabaseLocationTests {
    @Test(
        arguments: [
            (
                "explicit wins", "/x/explicit.sqlite", ["GLUTE_DATABASE": "/env.sqlite", "HOME": "/home/ana"],
                "/x/explicit.sqlite"
            ),
            (
                "GLUTE_DATABASE next", nil, ["GLUTE_DATABASE": "/env.sqlite", "XDG_DATA_HOME": "/xdg", "HOME": "/h"],
                "/env.sqlite"
            ),
            ("XDG data home", nil, ["XDG_DATA_HOME": "/xdg/", "HOME": "/h"], "/xdg/glutecoach/glute.sqlite"),
            (
                "relative XDG is ignored", nil, ["XDG_DATA_HOME": "xdg", "HOME": "/h"],
                "/h/.local/share/glutecoach/glute.sqlite"
            ),
            (
                "empty values are unset", "", ["GLUTE_DATABASE": "", "XDG_DATA_HOME": "", "HOME": "/h"],
                "/h/.local/share/glutecoach/glute.sqlite"
            ),
            ("home fallback", nil, ["HOME": "/home/ana"], "/home/ana/.local/share/glutecoach/glute.sqlite"),
        ] as [(String, String?, [String: String], String)])
    func resolves(_ label: String, _ explicit: String?, _ environment: [String: String], _ expected: String) throws {
        #expect(
            try SQLiteDatabaseLocation.resolve(explicit: explicit, environment: environment) == expected, "\(label)")
    }

    @Test func noRuleGivesAPathIsAnError() {
        let error = #expect(throws: StoreError.self) {
            try SQLiteDatabaseLocation.resolve(explicit: nil, environment: [:])
        }
        #expect(error?.code == .cannotOpen)
    }
}
