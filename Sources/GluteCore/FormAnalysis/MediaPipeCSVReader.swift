public import GluteJSON

/// Reads MediaPipe Pose CSV line by line: header `frame,t,landmark,x,y,z,visibility`, one row
/// per landmark, rows of one frame together and frames in increasing order.
///
/// The reader is a small state machine: feed it lines (or the whole text) as they arrive and
/// call ``finish()`` at the end, so a long recording never has to be held as text.
///
/// Errors use the same paths as the JSON format (`frames[3].landmarks[25].x`), with the line
/// number in the message. CSV cannot carry the image size, so coordinates stay normalised
/// (``LandmarkSequence/needsImageSize``): give the size with
/// ``LandmarkSequence/setImageSize(width:height:)``, or the analysis reports no angles.
public struct MediaPipeCSVReader: Sendable {
    /// The header line the format requires.
    public static let header = "frame,t,landmark,x,y,z,visibility"

    private var sequence = LandmarkSequence(format: .mediaPipeCSV, hasSquareUnits: false)
    private var lineNumber = 0
    private var sawHeader = false
    private var currentFrame: Int?
    private var currentTime = 0.0
    private var seen = [Bool](repeating: false, count: MediaPipeJSONReader.landmarkCount)

    /// Creates a reader expecting the header first.
    public init() {}

    /// Feeds a block of text holding whole lines.
    public mutating func consume(text: some StringProtocol) throws(FieldError) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            try consume(line: line)
        }
    }

    /// Feeds one line, without or with its line ending.
    public mutating func consume(line rawLine: some StringProtocol) throws(FieldError) {
        lineNumber += 1
        var line = Substring(rawLine)
        if line.hasSuffix("\r") { line = line.dropLast() }
        if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
        if line.allSatisfy({ $0 == " " || $0 == "\t" }) { return }
        guard sawHeader else {
            guard line.replacing(" ", with: "") == Self.header else {
                throw FieldError(field: "(header)", message: "line \(lineNumber) must be \"\(Self.header)\"")
            }
            sawHeader = true
            return
        }
        let cells = line.split(separator: ",", omittingEmptySubsequences: false)
        guard cells.count == 7 else {
            throw FieldError(field: "line \(lineNumber)", message: "must have 7 cells, not \(cells.count)")
        }
        let frame = try integer(cells[0], field: "line \(lineNumber).frame", in: 0...100_000_000)
        let framePath = "frames[\(frame)]"
        let time = try number(cells[1], field: framePath + ".t", in: 0...1e9)
        let landmark = try integer(
            cells[2], field: framePath + ".landmark",
            in: 0...(MediaPipeJSONReader.landmarkCount - 1))
        let path = "\(framePath).landmarks[\(landmark)]"
        let x = try number(cells[3], field: path + ".x", in: -1...2)
        let y = try number(cells[4], field: path + ".y", in: -1...2)
        if !cells[5].isEmpty { _ = try number(cells[5], field: path + ".z", in: -1e6...1e6) }
        let visibility = cells[6].isEmpty ? 1 : try number(cells[6], field: path + ".visibility", in: 0...1)

        if frame != currentFrame {
            if let currentFrame, frame < currentFrame {
                throw error(framePath, "comes after frame \(currentFrame); frames must be in order")
            }
            if currentFrame != nil, time <= currentTime {
                throw error(framePath + ".t", "must be later than the previous frame's t")
            }
            currentFrame = frame
            currentTime = time
            sequence.appendFrame(time: time)
            for index in seen.indices { seen[index] = false }
        } else if time != currentTime {
            throw error(framePath + ".t", "must be the same on every row of the frame")
        }
        if seen[landmark] { throw error(path, "is given twice") }
        seen[landmark] = true
        if let joint = BodyJoint.fromMediaPipe(landmark) {
            sequence.setPoint(
                joint, frame: sequence.frameCount - 1, x: Float(x), y: Float(y),
                confidence: Float(visibility))
        }
    }

    /// Ends the input and returns the frames read.
    public mutating func finish() throws(FieldError) -> LandmarkSequence {
        guard sawHeader else { throw FieldError(field: "(header)", message: "is missing: the file is empty") }
        guard sequence.frameCount > 0 else {
            throw FieldError(field: "frames", message: "must hold at least one frame")
        }
        return sequence
    }

    private func error(_ field: String, _ message: String) -> FieldError {
        FieldError(field: field, message: "\(message) (line \(lineNumber))")
    }

    private func number(_ cell: Substring, field: String, in range: ClosedRange<Double>) throws(FieldError) -> Double {
        guard let value = Double(cell.trimmingSpaces), value.isFinite else {
            throw error(field, "must be a number, not \(FieldError.quoted(cell))")
        }
        guard range.contains(value) else {
            throw error(
                field, "must be between \(JSONValue.format(range.lowerBound)) and \(JSONValue.format(range.upperBound))"
            )
        }
        return value
    }

    private func integer(_ cell: Substring, field: String, in range: ClosedRange<Int>) throws(FieldError) -> Int {
        guard let value = Int(cell.trimmingSpaces) else {
            throw error(field, "must be a whole number, not \(FieldError.quoted(cell))")
        }
        guard range.contains(value) else {
            throw error(field, "must be between \(range.lowerBound) and \(range.upperBound)")
        }
        return value
    }
}

extension Substring {
    /// The text without leading and trailing spaces.
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return text
    }
}
