/// A side of the body, from the person's own point of view.
public enum Side: String, Sendable, CaseIterable, Codable, Comparable {
    case left
    case right

    /// The other side.
    public var opposite: Side { self == .left ? .right : .left }

    /// Orders values as the format lists them.
    public static func < (lhs: Side, rhs: Side) -> Bool { lhs == .left && rhs == .right }
}

/// A value recorded once per side.
public struct PerSide<Value: Sendable>: Sendable {
    /// The value for the left side.
    public var left: Value
    /// The value for the right side.
    public var right: Value

    /// Creates a pair.
    public init(left: Value, right: Value) {
        self.left = left
        self.right = right
    }

    /// The value for `side`.
    public subscript(side: Side) -> Value {
        get { side == .left ? left : right }
        set { if side == .left { left = newValue } else { right = newValue } }
    }

    /// Both values, transformed.
    public func map<T>(_ transform: (Value) throws -> T) rethrows -> PerSide<T> {
        PerSide<T>(left: try transform(left), right: try transform(right))
    }

    /// The sides for which `predicate` holds, left first.
    public func sides(where predicate: (Value) -> Bool) -> [Side] {
        Side.allCases.filter { predicate(self[$0]) }
    }
}

extension PerSide: Equatable where Value: Equatable {}
