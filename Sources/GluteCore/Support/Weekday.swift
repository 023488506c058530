/// A day of the week, written as its three-letter English abbreviation in every format.
public enum Weekday: String, Sendable, CaseIterable, Codable, Comparable {
    case mon, tue, wed, thu, fri, sat, sun

    /// 0 for Monday through 6 for Sunday (ISO 8601 order).
    public var index: Int { Weekday.allCases.firstIndex(of: self) ?? 0 }

    /// The full English name ("Monday").
    public var name: String {
        switch self {
        case .mon: "Monday"
        case .tue: "Tuesday"
        case .wed: "Wednesday"
        case .thu: "Thursday"
        case .fri: "Friday"
        case .sat: "Saturday"
        case .sun: "Sunday"
        }
    }

    /// The weekday `index` (0 = Monday), wrapping around.
    public init(index: Int) {
        self = Weekday.allCases[((index % 7) + 7) % 7]
    }

    /// Orders values as the format lists them.
    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.index < rhs.index }
}
