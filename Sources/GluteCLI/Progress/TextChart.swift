/// Small Unicode charts for the terminal: sparklines and horizontal bars in eighths of a cell.
///
/// ```swift
/// TextChart.sparkline([0, 2, 4, 8])        // "▁▂▄█"
/// TextChart.bar(3, of: 6, width: 4)        // "██  "
/// ```
enum TextChart {
    /// The eight heights of a sparkline, lowest first.
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// Partial cells of a horizontal bar, one eighth to seven eighths.
    static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// One character per value, scaled from 0 to `maximum` (the largest value when `nil`).
    ///
    /// A `nil` value is drawn as `·`.
    static func sparkline(_ values: [Double?], maximum: Double? = nil) -> String {
        let top = maximum ?? values.compactMap { $0 }.max() ?? 0
        return String(
            values.map { value -> Character in
                guard let value else { return "·" }
                guard top > 0 else { return levels[0] }
                let level = Int((min(max(value, 0), top) / top * Double(levels.count - 1)).rounded())
                return levels[level]
            })
    }

    /// A bar `width` cells wide at full scale (`value == maximum`), padded with spaces to `width`.
    static func bar(_ value: Double, of maximum: Double, width: Int) -> String {
        guard maximum > 0, value > 0 else { return String(repeating: " ", count: width) }
        let eighthsTotal = Int((min(value, maximum) / maximum * Double(width * 8)).rounded())
        var text = String(repeating: "█", count: eighthsTotal / 8)
        if eighthsTotal % 8 > 0 { text.append(eighths[eighthsTotal % 8 - 1]) }
        if text.isEmpty { text = String(eighths[0]) }
        return text + String(repeating: " ", count: max(0, width - text.count))
    }

    /// A bar of whole cells: `done` filled, the rest up to `target` shaded, anything over the target filled.
    static func meter(_ done: Int, target: Int, cellsPerUnit: Int) -> String {
        let filled = String(repeating: "█", count: done * cellsPerUnit)
        return filled + String(repeating: "░", count: max(0, target - done) * cellsPerUnit)
    }

    /// `text` padded with spaces (or cut) to exactly `width` characters.
    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? String(text.prefix(width)) : text + String(repeating: " ", count: width - text.count)
    }

    /// `text` right-aligned in `width` characters.
    static func padLeft(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    /// A ratio as a whole percentage: `"39%"`.
    static func percent(_ ratio: Double) -> String { "\(Int((ratio * 100).rounded()))%" }
}
