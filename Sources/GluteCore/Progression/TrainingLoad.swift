/// An external load: a weight in kilograms or pounds.
///
/// Bodyweight work has no `TrainingLoad` at all (`nil` where one is expected), so a load is
/// always a positive weight that was added to the body.
///
/// ```swift
/// let load = TrainingLoad(22.5, .kg)
/// load.description   // "22.5 kg"
/// ```
public struct TrainingLoad: Sendable, Hashable, CustomStringConvertible {
    /// The unit a load is written in.
    public enum Unit: String, Sendable, CaseIterable, Hashable {
        /// Kilograms.
        case kg
        /// Pounds.
        case lb
    }

    /// The weight, in `unit`.
    public var value: Double
    /// The unit of `value`.
    public var unit: Unit

    /// Creates a load.
    ///
    /// - Parameters:
    ///   - value: The weight, in `unit`.
    ///   - unit: Kilograms or pounds.
    public init(_ value: Double, _ unit: Unit) {
        self.value = value
        self.unit = unit
    }

    /// The value and unit, with at most two decimals and no trailing zeros: `"21 kg"`, `"22.5 lb"`.
    public var description: String { "\(TrainingLoad.format(value)) \(unit.rawValue)" }

    /// Formats a number with at most two decimals and no trailing `.0`, without Foundation.
    static func format(_ number: Double) -> String {
        guard number.isFinite else { return String(number) }
        let rounded = (number * 100).rounded() / 100
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(rounded)
    }
}
