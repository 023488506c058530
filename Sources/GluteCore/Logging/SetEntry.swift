public import GluteJSON

/// What a person logs after doing an exercise: everything about the work except who and which id.
///
/// `2x15` is two sets of fifteen: `setCount: 2, reps: [15, 15]`. Sets may differ (`[15, 12]`).
/// A timed hold has no reps (`reps: []`) and a ``durationSeconds`` instead. Safety signals are
/// fields, never text: ``pain`` and ``numbness`` are what the rules read, the ``note`` is the
/// person's own words and nothing reads meaning into it.
///
/// ```swift
/// let entry = SetEntry(exerciseID: "glute-bridge", side: nil, sets: 2, reps: 15,
///                      felt: .glutes, balance: .steady, pain: 0, performedAt: now)
/// ```
public struct SetEntry: Sendable, Hashable {
    /// The exercise's id in the catalogue, 1 to 100 characters.
    public var exerciseID: String
    /// The side trained, or `nil` for both sides together (a two-legged exercise).
    public var side: Side?
    /// How many sets, within ``SetEntry/setCountRange``.
    public var setCount: Int
    /// The reps of each set, in order: empty, or exactly ``setCount`` values within ``SetEntry/repsRange``.
    public var reps: [Int]
    /// The external load, if any.
    public var load: Load?
    /// How long each set lasted, for holds, within ``SetEntry/durationRange``.
    public var durationSeconds: Int?
    /// Where the work was felt.
    public var felt: FeltIn
    /// How steady the person was.
    public var balance: Balance
    /// Rate of perceived exertion, 1 to 10, if given.
    public var rpe: Int?
    /// Pain during the set, 0 (none) to 10.
    public var pain: Int
    /// Whether new or worse numbness or tingling appeared during the set.
    public var numbness: Bool
    /// When the set was done.
    public var performedAt: Timestamp
    /// A free note, up to 1000 characters.
    public var note: String?
    /// The kind of session the set was done in, when the person (or the guided session) said so;
    /// `nil` lets the plan decide (see ``PlanTracker/key(for:on:alreadyLogged:states:)``).
    public var session: Session.Kind?

    /// The allowed number of sets.
    public static let setCountRange = 1...20
    /// The allowed reps in one set.
    public static let repsRange = 0...1000
    /// The allowed duration of one set, in seconds.
    public static let durationRange = 1...3600
    /// The RPE scale.
    public static let rpeRange = 1...10
    /// The pain scale.
    public static let painRange = 0...10
    /// The length of an exercise id, in Unicode scalars.
    public static let exerciseIDLength = 1...100
    /// The length of a note, in Unicode scalars (as the databases count text).
    public static let noteLength = 0...1000

    /// Creates an entry with per-set reps.
    public init(
        exerciseID: String, side: Side?, setCount: Int, reps: [Int], load: Load? = nil,
        durationSeconds: Int? = nil, felt: FeltIn, balance: Balance, rpe: Int? = nil,
        pain: Int, numbness: Bool = false, performedAt: Timestamp, note: String? = nil,
        session: Session.Kind? = nil
    ) {
        self.session = session
        self.exerciseID = exerciseID
        self.side = side
        self.setCount = setCount
        self.reps = reps
        self.load = load
        self.durationSeconds = durationSeconds
        self.felt = felt
        self.balance = balance
        self.rpe = rpe
        self.pain = pain
        self.numbness = numbness
        self.performedAt = performedAt
        self.note = note
    }

    /// Creates an entry of `sets` equal sets of `reps` (`2x15`).
    public init(
        exerciseID: String, side: Side?, sets: Int, reps: Int, load: Load? = nil,
        felt: FeltIn, balance: Balance, rpe: Int? = nil, pain: Int, numbness: Bool = false,
        performedAt: Timestamp, note: String? = nil
    ) {
        self.init(
            exerciseID: exerciseID, side: side, setCount: sets, reps: Array(repeating: reps, count: max(0, sets)),
            load: load, felt: felt, balance: balance, rpe: rpe, pain: pain, numbness: numbness,
            performedAt: performedAt, note: note)
    }

    /// Checks the rules a stored set must follow; field names are those of the export format.
    ///
    /// - Parameter path: the path of the entry in a document, prefixed to the field names.
    /// - Throws: ``FieldError`` naming the first offending field.
    public func validate(path: String = "") throws(FieldError) {
        func field(_ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }
        func check(_ value: Int, _ range: ClosedRange<Int>, _ name: String) throws(FieldError) {
            guard range.contains(value) else {
                throw FieldError(
                    field: field(name), message: "must be between \(range.lowerBound) and \(range.upperBound)")
            }
        }
        func checkLength(_ text: String, _ range: ClosedRange<Int>, _ name: String) throws(FieldError) {
            guard range.contains(text.unicodeScalars.count) else {
                throw FieldError(
                    field: field(name), message: "must be \(range.lowerBound) to \(range.upperBound) characters")
            }
        }
        try checkLength(exerciseID, Self.exerciseIDLength, "exerciseId")
        try check(setCount, Self.setCountRange, "setCount")
        guard reps.isEmpty || reps.count == setCount else {
            throw FieldError(
                field: field("reps"), message: "must list the reps of each of the \(setCount) sets, or be empty")
        }
        for (index, value) in reps.enumerated() { try check(value, Self.repsRange, "reps[\(index)]") }
        guard !reps.isEmpty || durationSeconds != nil else {
            throw FieldError(field: field("reps"), message: "must not be empty when there is no durationSeconds")
        }
        if let load, !(0...Load.maximum).contains(load.value) || !load.value.isFinite {
            throw FieldError(field: field("load.value"), message: "must be between 0 and \(Int(Load.maximum))")
        }
        if let durationSeconds { try check(durationSeconds, Self.durationRange, "durationSeconds") }
        if let rpe { try check(rpe, Self.rpeRange, "rpe") }
        try check(pain, Self.painRange, "pain")
        if let note { try checkLength(note, Self.noteLength, "note") }
    }
}

extension Side {
    /// The name of a logged or prescribed side: `"left"`, `"right"`, or `"both"` for `nil`.
    public static func name(of side: Side?) -> String { side?.rawValue ?? "both" }

    /// Reads a side name: `"left"` or `"right"`, or `"both"` (`.some(nil)`); anything else is `nil`.
    public static func parse(_ name: String) -> Side?? {
        name == "both" ? .some(nil) : Side(rawValue: name).map { .some($0) }
    }
}
