/// The members of a JSON object, in the order they were written or added.
///
/// Small objects are searched member by member, which is the fastest way for the few dozen keys
/// GluteCore's documents hold. An object with more than 32 members also keeps a
/// hash index from each key to its first position, so lookups stay constant-time however large an
/// untrusted document makes it. The index never changes what the object means: `members` keeps
/// the order, a key that appears twice (possible only through ``init(_:)``) finds its first
/// member, and `==` compares the members alone.
///
/// ```swift
/// var object: JSONObject = ["reps": 12, "side": "left"]
/// object["reps"] = 15          // replaced in place, order kept
/// object.keys                  // ["reps", "side"]
/// ```
public struct JSONObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// The members in order.
    public private(set) var members: [(key: String, value: JSONValue)]

    /// The position of each key's first member, kept only for objects of more than
    /// ``indexThreshold`` members.
    private var positions: [String: Int]?

    /// The member count above which an object keeps a hash index of its keys.
    ///
    /// Measured in a release build: for objects of up to about 32 members comparing keys one by
    /// one beats building the index (at 20 members the index cost 60% more per object; at 32 the
    /// two break even; at 96 the index is three times faster).
    static let indexThreshold = 32

    /// Creates an object from ordered members.
    public init(_ members: [(key: String, value: JSONValue)] = []) {
        self.members = members
        positions = Self.makePositions(members)
    }

    /// Creates an object from a literal, keeping the literal's order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements.map { (key: $0.0, value: $0.1) })
    }

    /// Creates an object from members whose keys are distinct, with the index the parser built
    /// while checking them (`nil` for an object of at most ``indexThreshold`` members).
    init(uniqueMembers members: [(key: String, value: JSONValue)], positions: [String: Int]?) {
        self.members = members
        self.positions = positions
    }

    /// The keys in order.
    public var keys: [String] { members.map(\.key) }

    /// The value for `key`, or `nil` when absent.
    ///
    /// Setting replaces in place or appends; setting `nil` removes the member.
    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { members[$0].value } }
        set {
            if let index = position(of: key) {
                if let newValue {
                    members[index].value = newValue
                } else {
                    members.remove(at: index)
                    positions = Self.makePositions(members)
                }
            } else if let newValue {
                members.append((key: key, value: newValue))
                if positions != nil {
                    positions?[key] = members.count - 1
                } else if members.count > Self.indexThreshold {
                    positions = Self.makePositions(members)
                }
            }
        }
    }

    /// The position of the first member named `key`.
    private func position(of key: String) -> Int? {
        if let positions { return positions[key] }
        return members.firstIndex { $0.key == key }
    }

    /// The index of a large object's keys, each to its first position; `nil` for a small one.
    private static func makePositions(_ members: [(key: String, value: JSONValue)]) -> [String: Int]? {
        guard members.count > indexThreshold else { return nil }
        var positions = [String: Int](minimumCapacity: members.count)
        // Backwards, so that a key written twice keeps its first position.
        for index in members.indices.reversed() { positions[members[index].key] = index }
        return positions
    }

    /// Whether both hold the same members in the same order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
