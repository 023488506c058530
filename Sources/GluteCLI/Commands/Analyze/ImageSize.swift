internal import GluteCore

/// The value of `glute analyze --size WIDTHxHEIGHT`: the video's size in pixels, which gives
/// normalised landmark coordinates their aspect so that angles can be measured.
struct ImageSize: Sendable, Equatable {
    /// The width in pixels.
    let width: Double
    /// The height in pixels.
    let height: Double

    /// The sizes a file may give (`landmarks-format.md`), and so the ones accepted here.
    static let range: ClosedRange<Int> = 1...100_000

    /// What the option expects, for its usage error.
    static let expected = "WIDTHxHEIGHT in pixels, such as 1080x1920"

    /// Reads `1080x1920` (or `1080X1920`); `nil` for anything else.
    init?(_ text: String) {
        let parts = text.split(separator: "x", omittingEmptySubsequences: false)
        let split = parts.count == 2 ? parts : text.split(separator: "X", omittingEmptySubsequences: false)
        guard split.count == 2,
            split.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let width = Int(split[0]), let height = Int(split[1]),
            Self.range.contains(width), Self.range.contains(height)
        else { return nil }
        self.width = Double(width)
        self.height = Double(height)
    }

    /// `1080x1920`.
    var text: String { "\(Int(width))x\(Int(height))" }

    /// Scales `sequence` to this size when its coordinates are normalised without one.
    /// - Throws: a usage error when the file gives a different size of its own.
    func apply(to sequence: inout LandmarkSequence) throws(CLIError) {
        if let fileWidth = sequence.imageWidth, let fileHeight = sequence.imageHeight,
            fileWidth != width || fileHeight != height
        {
            let fileSize = "\(AnalysisReport.decimal(fileWidth, 0))x\(AnalysisReport.decimal(fileHeight, 0))"
            throw CLIError.usage(
                "--size \(text) disagrees with the file's own width and height (\(fileSize)); "
                    + "leave --size out, or correct it")
        }
        sequence.setImageSize(width: width, height: height)
    }
}
