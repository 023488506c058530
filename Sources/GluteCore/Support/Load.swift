/// The unit a load is written in, and the unit a person prefers (`profile.units`).
public enum LoadUnit: String, Sendable, CaseIterable, Codable, Hashable {
    /// Kilograms.
    case kg
    /// Pounds.
    case lb
}

/// An external load: a weight in kilograms or pounds added to the body.
///
/// Bodyweight work has no `Load` at all (`nil` where one is expected). The same type serves the
/// plan's starting loads, the progression's prescriptions and the logged sets.
///
/// ```swift
/// let load = Load(22.5, .kg)
/// load.description   // "22.5 kg"
/// ```
public struct Load: Sendable, Hashable, CustomStringConvertible {
    /// The weight, in `unit`.
    public var value: Double
    /// The unit of `value`.
    public var unit: LoadUnit

    /// The largest load a log may carry, in either unit.
    public static let maximum = 2000.0

    /// Creates a load.
    ///
    /// - Parameters:
    ///   - value: The weight, in `unit`.
    ///   - unit: Kilograms or pounds.
    public init(_ value: Double, _ unit: LoadUnit) {
        self.value = value
        self.unit = unit
    }

    /// Creates a load from labelled parts.
    public init(value: Double, unit: LoadUnit) {
        self.init(value, unit)
    }

    /// The weight in kilograms, so that loads written in either unit compare.
    var kilograms: Double { unit == .kg ? value : value * Load.kilogramsPerPound }

    /// One international avoirdupois pound, in kilograms.
    static let kilogramsPerPound = 0.453_592_37

    /// The value and unit, with at most two decimals and no trailing zeros: `"21 kg"`, `"22.5 lb"`.
    public var description: String { "\(Load.format(value)) \(unit.rawValue)" }

    /// Formats a number with at most two decimals and no trailing `.0`, without Foundation.
    static func format(_ number: Double) -> String {
        guard number.isFinite else { return String(number) }
        let rounded = (number * 100).rounded() / 100
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(rounded)
    }
}
