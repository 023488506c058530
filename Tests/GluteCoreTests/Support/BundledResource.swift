import Foundation

@testable import GluteCore

/// Reads GluteCore's bundled resource files directly from the source tree, for tests that feed
/// altered copies to the loader.
enum BundledResource {
    static func bytes(_ name: String) -> [UInt8]? {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/GluteCore/Resources/\(name).json")
        return (try? Data(contentsOf: url)).map { [UInt8]($0) }
    }
}
