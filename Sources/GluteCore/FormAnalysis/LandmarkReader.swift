public import GluteJSON

/// Reads a landmark file in any of the formats of `landmarks-format.md`, recognising the format
/// from the document: the CSV header, or the JSON `format` key.
///
/// Errors are ``FieldError``s that name the frame and the field, such as
/// `frames[12].landmarks[25].x`. Points of low confidence are kept with their confidence; the
/// analysis decides what to trust.
///
/// ```swift
/// let sequence = try LandmarkReader.read(text)
/// let result = FormAnalyzer(options: .init(test: .singleLegSquat)).analyze(sequence)
/// ```
public enum LandmarkReader {
    /// Reads a whole landmark document.
    /// - Throws: ``FieldError`` naming the offending field.
    public static func read(_ text: String) throws(FieldError) -> LandmarkSequence {
        let first = text.unicodeScalars.first {
            !($0 == "\u{FEFF}" || $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t")
        }
        if let first, first != "{", first != "[" {
            var reader = MediaPipeCSVReader()
            try reader.consume(text: text)
            return try reader.finish()
        }
        let bytes = Array(text.utf8)
        let result: Result<LandmarkSequence, FieldError> = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(FieldError) in try readScanned(LandmarkDocumentScanner(bytes: buffer)) }
        }
        do {
            return try result.get()
        } catch  where error.field == FieldError.documentField {
            // The scanner checks only the outline; the full parser names the first error exactly.
            // Recordings run to tens of megabytes, past the default limits meant for requests.
            let value: JSONValue
            do { value = try JSONValue.parse(bytes, limits: .unlimited) } catch { throw FieldError.syntax(error) }
            return try read(value)
        }
    }

    /// Reads a document frame by frame: only one frame's tree exists at a time.
    static func readScanned(_ scanner: LandmarkDocumentScanner) throws(FieldError) -> LandmarkSequence {
        var object = JSONObject()
        var frames: LandmarkFrames?
        for (key, range) in try scanner.members() {
            if key == "frames", scanner.bytes[range.lowerBound] == UInt8(ascii: "[") {
                frames = LandmarkFrames(storage: .slices(scanner, try scanner.elements(of: range)))
                object[key] = .array([])
            } else {
                object[key] = try scanner.parse(range)
            }
        }
        return try read(object, frames: frames)
    }

    /// Reads a parsed JSON landmark document.
    public static func read(_ value: JSONValue) throws(FieldError) -> LandmarkSequence {
        guard case .object(let object) = value else {
            throw FieldError(
                field: FieldError.documentField, message: "must be an object, not \(value.typeDescription)")
        }
        return try read(object, frames: nil)
    }

    /// Reads a document's members; `frames`, when given, replaces the `frames` member's elements.
    static func read(_ object: JSONObject, frames: LandmarkFrames?) throws(FieldError) -> LandmarkSequence {
        guard let formatValue = object["format"] else {
            throw FieldError(
                field: "format",
                message:
                    "is required: one of \"mediapipe-pose-33\", \"coco-17\", \"apple-vision\"")
        }
        guard case .string(let name) = formatValue, let format = LandmarkFormat(rawValue: name),
            format != .mediaPipeCSV
        else {
            throw FieldError(
                field: "format",
                message:
                    "must be one of \"mediapipe-pose-33\", \"coco-17\", \"apple-vision\", not \(describe(formatValue))")
        }
        switch format {
        case .mediaPipeJSON, .mediaPipeCSV: return try MediaPipeJSONReader.read(object, frames: frames)
        case .coco17: return try COCOReader.read(object, frames: frames)
        case .appleVision: return try AppleVisionReader.read(object, frames: frames)
        }
    }

    static func describe(_ value: JSONValue) -> String {
        if case .string(let text) = value { return FieldError.quoted(text) }
        return value.typeDescription
    }
}

/// The top-level members every JSON landmark document shares, read strictly.
struct LandmarkHeader {
    let reader: JSONObjectReader
    let fps: Double?
    let width: Double?
    let height: Double?
    let view: CameraView?
    let frames: LandmarkFrames

    /// Reads the shared members; the frames come from `scanned` when the document was scanned.
    init(_ object: JSONObject, frames scanned: LandmarkFrames?, pixelCoordinates: Bool) throws(FieldError) {
        reader = try JSONObjectReader(
            .object(object), path: "",
            allowedKeys: ["format", "fps", "width", "height", "view", "frames"])
        fps = try reader.number("fps", in: 0.1...10_000)
        width = try reader.number("width", in: 1...100_000)
        height = try reader.number("height", in: 1...100_000)
        if pixelCoordinates {
            if width == nil { throw FieldError(field: "width", message: "is required: this format gives pixels") }
            if height == nil { throw FieldError(field: "height", message: "is required: this format gives pixels") }
        } else if (width == nil) != (height == nil) {
            throw FieldError(field: width == nil ? "width" : "height", message: "must be given together with the other")
        }
        view = try reader.enumValue("view")
        let framesValue = try reader.required("frames")
        guard case .array(let elements) = framesValue else {
            throw FieldError(field: "frames", message: "must be an array, not \(framesValue.typeDescription)")
        }
        frames = scanned ?? LandmarkFrames(storage: .values(elements))
        if frames.count == 0 { throw FieldError(field: "frames", message: "must hold at least one frame") }
    }

    /// An empty sequence of the right kind, scaled to the image.
    func makeSequence(_ format: LandmarkFormat, pixelCoordinates: Bool) -> LandmarkSequence {
        LandmarkSequence(
            format: format, declaredView: view, imageWidth: width, imageHeight: height,
            hasSquareUnits: pixelCoordinates || width != nil, reservingFrames: frames.count)
    }

    /// The time of frame `index`: its own `t`, else `index / fps`; checked to increase.
    func time(of frame: JSONObjectReader, index: Int, previous: Double?) throws(FieldError) -> Double {
        let time: Double
        if let own = try frame.number("t", in: 0...1e9) {
            time = own
        } else if let fps {
            time = Double(index) / fps
        } else {
            throw FieldError(field: frame.field("t"), message: "is required when the file gives no fps")
        }
        if let previous, time <= previous {
            throw FieldError(field: frame.field("t"), message: "must be later than the previous frame's t")
        }
        return time
    }
}

/// The frames of a JSON landmark document: already parsed, or byte ranges parsed one at a time.
struct LandmarkFrames {
    enum Storage {
        case values([JSONValue])
        case slices(LandmarkDocumentScanner, [Range<Int>])
    }

    let storage: Storage

    var count: Int {
        switch storage {
        case .values(let values): values.count
        case .slices(_, let ranges): ranges.count
        }
    }

    /// Frame `index`, parsed now if it was scanned.
    func frame(_ index: Int) throws(FieldError) -> JSONValue {
        switch storage {
        case .values(let values): return values[index]
        case .slices(let scanner, let ranges): return try scanner.parse(ranges[index])
        }
    }
}
