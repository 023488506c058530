/// Which plan item a progression belongs to: the kind of session, the exercise as the plan
/// names it, and the side (`nil` for a two-legged exercise).
///
/// The same exercise in an activation session and in a strength session progresses separately,
/// and each side of a one-legged exercise has its own key. The text form
/// `activation/clamshell/left` (`both` for two-legged work) is how the store keeps it.
///
/// ```swift
/// let key = ItemKey(kind: .strength, exercise: "split-squat", side: .left)
/// key.description              // "strength/split-squat/left"
/// ItemKey("strength/split-squat/left") == key   // true
/// ```
public struct ItemKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The kind of session the item sits in.
    public var kind: Session.Kind
    /// The exercise id as the plan prescribes it (the person may have moved to a variant since).
    public var exercise: String
    /// The side, or `nil` for both sides together.
    public var side: Side?

    /// Creates a key.
    public init(kind: Session.Kind, exercise: String, side: Side?) {
        self.kind = kind
        self.exercise = exercise
        self.side = side
    }

    /// Reads the text form `kind/exercise/side`; `nil` when it is not one.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, let kind = Session.Kind(rawValue: String(parts[0])), !parts[1].isEmpty,
            let side = Side.parse(String(parts[2]))
        else { return nil }
        self.init(kind: kind, exercise: String(parts[1]), side: side)
    }

    /// `kind/exercise/side`, with `both` for two-legged work.
    public var description: String { "\(kind.rawValue)/\(exercise)/\(Side.name(of: side))" }

    /// Orders as the text forms sort (kind, then exercise, then side), without building them.
    public static func < (lhs: ItemKey, rhs: ItemKey) -> Bool {
        (lhs.kind.rawValue, lhs.exercise, Side.name(of: lhs.side)) < (
            rhs.kind.rawValue, rhs.exercise, Side.name(of: rhs.side)
        )
    }
}
