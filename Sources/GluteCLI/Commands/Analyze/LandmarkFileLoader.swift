import Foundation
import GluteCore
internal import GluteJSON

/// Reads a landmark file's bytes into a sequence, feeding CSV line by line so that long files
/// report progress while they are read.
enum LandmarkFileLoader {
    static func load(_ data: Data, progress: (Double) -> Void) throws(FieldError) -> LandmarkSequence {
        let text = String(decoding: data, as: UTF8.self)
        let first = text.unicodeScalars.first { !" \t\r\n\u{FEFF}".unicodeScalars.contains($0) }
        guard let first, first != "{", first != "[" else {
            progress(0.5)
            return try LandmarkReader.read(text)
        }
        var reader = MediaPipeCSVReader()
        let total = Double(max(1, text.utf8.count))
        var consumed = 0
        var lines = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            try reader.consume(line: line)
            consumed += line.utf8.count + 1
            lines += 1
            if lines & 0xFFFF == 0 { progress(Double(consumed) / total) }
        }
        progress(1)
        return try reader.finish()
    }
}
