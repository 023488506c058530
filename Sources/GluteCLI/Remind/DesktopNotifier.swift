internal import Foundation

/// Runs `notify-send` when it exists on `PATH`, without waiting for it and ignoring its failure.
struct DesktopNotifier: Sendable {
    /// The `notify-send` executable, if found.
    let executable: URL?

    init(environment: [String: String]) {
        let directories = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        executable = directories.lazy
            .map { URL(fileURLWithPath: $0).appendingPathComponent("notify-send") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Sends one notification; does nothing when `notify-send` is missing or fails to start.
    func send(title: String, body: String) {
        guard let executable else { return }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--app-name=GluteCoach", title, body]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }
}
