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
        .library(name: "GluteCore", targets: ["GluteCore"]),
        .executable(name: "glute", targets: ["glute"]),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(
            name: "GluteCore",
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "GluteStore",
            dependencies: ["GluteCore"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "GluteSQLite",
            dependencies: ["GluteStore", "CSQLite"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "GluteCLI",
            dependencies: ["GluteCore", "GluteStore", "GluteSQLite"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "glute",
            dependencies: ["GluteCLI"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "GluteBench",
            dependencies: ["GluteCore"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "GluteFormBench",
            dependencies: ["GluteCore"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "GluteCoreTests",
            dependencies: ["GluteCore"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "GluteStoreTests",
            dependencies: ["GluteStore", "GluteSQLite"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "GluteCLITests",
            dependencies: ["GluteCLI", "glute"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
    ]
)
