/// A one-line progress bar on standard error, redrawn in place; silent unless enabled.
struct ProgressBar: Sendable {
    /// Files smaller than this finish too fast to need a bar.
    static let minimumBytes = 8_000_000
    static let width = 30

    let io: CommandIO
    let enabled: Bool

    init(io: CommandIO, enabled: Bool) {
        self.io = io
        self.enabled = enabled
    }

    /// Draws the bar at `fraction` (0...1).
    func update(_ fraction: Double) {
        guard enabled else { return }
        let clamped = min(1, max(0, fraction))
        let filled = Int(clamped * Double(Self.width))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: Self.width - filled)
        io.writeError("\rAnalysing [\(bar)] \(Int(clamped * 100))%")
    }

    /// Removes the bar.
    func clear() {
        guard enabled else { return }
        io.writeError("\r\u{1B}[K")
    }
}
