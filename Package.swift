// swift-tools-version:6.0
import PackageDescription

/// One set of compiler settings for every target, tests included.
let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("NonisolatedNonsendingByDefault"),
]

let package = Package(
    name: "GluteCoach",
    platforms: [.macOS(.v15), .iOS(.v18)],
    products: [
        .library(name: "GluteJSON", targets: ["GluteJSON"]),
        .library(name: "GluteCore", targets: ["GluteCore"]),
        .executable(name: "glute", targets: ["glute"]),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CMicroHTTPD",
            pkgConfig: "libmicrohttpd",
            providers: [.apt(["libmicrohttpd-dev"])]
        ),
        .systemLibrary(
            name: "CSodium",
            pkgConfig: "libsodium",
            providers: [.apt(["libsodium-dev"])]
        ),
        .target(
            name: "GluteJSON",
            swiftSettings: strictSettings
        ),
        .target(
            name: "GluteCore",
            dependencies: ["GluteJSON"],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "GluteStore",
            dependencies: ["GluteCore", "GluteJSON"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "GluteSecurity",
            dependencies: ["CSodium"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "GluteApp",
            dependencies: ["GluteJSON", "GluteCore", "GluteStore", "GluteSecurity"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "GluteSQLite",
            dependencies: ["GluteJSON", "GluteCore", "GluteStore", "CSQLite"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "GluteHTTP",
            dependencies: ["CMicroHTTPD", "GluteJSON"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "GluteServer",
            dependencies: ["GluteHTTP", "GluteApp", "GluteJSON", "GluteCore", "GluteStore", "GluteSecurity"],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "GluteCLI",
            dependencies: [
                "GluteJSON", "GluteCore", "GluteStore", "GluteApp", "GluteSQLite", "GluteHTTP", "GluteServer",
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "glute",
            dependencies: ["GluteCLI"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "GluteBench",
            dependencies: ["GluteJSON", "GluteCore", "GluteStore", "GluteApp", "GluteSQLite"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "GluteFormBench",
            dependencies: ["GluteJSON", "GluteCore"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "GluteHTTPBench",
            dependencies: ["GluteHTTP"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "GluteJSONTests",
            dependencies: ["GluteJSON"],
            swiftSettings: strictSettings
        ),
        // What the tests use to reach the real thing (never shipped): the loopback HTTP client of
        // the HTTP layer's and the server's tests, and the built glute for the CLI's and the server's.
        .target(
            name: "GluteTestClients",
            path: "Tests/Support/GluteTestClients",
            swiftSettings: strictSettings
        ),
        // The seeded generator of the core's and the application's generated tests.
        .target(
            name: "GluteTestRandom",
            path: "Tests/Support/GluteTestRandom",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "GluteHTTPTests",
            dependencies: ["GluteHTTP", "GluteJSON", "GluteTestClients"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "GluteCoreTests",
            dependencies: ["GluteJSON", "GluteCore", "GluteTestRandom"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "GluteAppTests",
            dependencies: [
                "GluteJSON", "GluteCore", "GluteStore", "GluteApp", "GluteSQLite", "GluteSecurity", "GluteTestRandom",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "GluteStoreTests",
            dependencies: ["GluteJSON", "GluteCore", "GluteStore", "GluteSQLite"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "GluteServerTests",
            dependencies: [
                "GluteServer", "GluteHTTP", "GluteApp", "GluteJSON", "GluteCore", "GluteStore", "GluteSQLite",
                "GluteSecurity", "GluteTestClients", "glute",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "GluteSecurityTests",
            dependencies: ["GluteSecurity"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "GluteCLITests",
            dependencies: [
                "GluteJSON", "GluteCore", "GluteStore", "GluteSQLite", "GluteCLI", "GluteTestClients", "glute",
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
    ]
)
