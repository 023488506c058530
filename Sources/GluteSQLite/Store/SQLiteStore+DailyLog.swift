public import GluteCore
public import GluteStore

extension SQLiteStore {
    /// Stores one logged set.
    ///
    /// See ``Store/logSet(_:for:)``.
    public func logSet(_ entry: SetEntry, for person: Person.ID) async throws -> LoggedSet {
        do { try entry.validate() } catch { throw StoreError.invalidRecord(error) }
        return try write { connection in
            try requirePerson(person, in: connection)
            let set = LoggedSet(id: LoggedSet.ID(rawValue: environment.makeID()), personID: person, entry: entry)
            try connection.insert(set)
            return set
        }
    }

    /// The sets `person` performed in `range`, oldest first.
    public func loggedSets(for person: Person.ID, in range: Range<Timestamp>) async throws -> [LoggedSet] {
        try read { connection in
            try connection.fetchLoggedSets(
                """
                SELECT \(SQLiteColumns.loggedSet) FROM logged_set \
                LEFT JOIN logged_set_rep ON logged_set_rep.logged_set_id = logged_set.id \
                WHERE logged_set.person_id = \(person) AND logged_set.performed_at >= \(range.lowerBound) \
                AND logged_set.performed_at < \(range.upperBound) \
                ORDER BY logged_set.performed_at, logged_set.id, logged_set_rep.set_number
                """)
        }
    }

    /// Every set of one exercise on one side, oldest first.
    public func loggedSets(for person: Person.ID, exerciseID: String, side: Side?) async throws -> [LoggedSet] {
        try read { connection in
            try connection.fetchLoggedSets(
                """
                SELECT \(SQLiteColumns.loggedSet) FROM logged_set \
                LEFT JOIN logged_set_rep ON logged_set_rep.logged_set_id = logged_set.id \
                WHERE logged_set.person_id = \(person) AND logged_set.exercise_id = \(exerciseID) \
                AND logged_set.side = \(Side.name(of: side)) \
                ORDER BY logged_set.performed_at, logged_set.id, logged_set_rep.set_number
                """)
        }
    }

    /// Records a wake-up call.
    ///
    /// See ``Store/recordWakeUpCall(for:at:outcome:)``.
    public func recordWakeUpCall(for person: Person.ID, at: Timestamp, outcome: WakeUpOutcome) async throws
        -> WakeUpCall
    {
        try write { connection in
            try requirePerson(person, in: connection)
            let call = WakeUpCall(
                id: WakeUpCall.ID(rawValue: environment.makeID()), personID: person, at: at,
                outcome: outcome)
            try connection.insert(call)
            return call
        }
    }

    /// The wake-up calls of `person` in `range`, oldest first.
    public func wakeUpCalls(for person: Person.ID, in range: Range<Timestamp>) async throws -> [WakeUpCall] {
        try read { connection in
            try connection.fetch(
                """
                SELECT \(SQLiteColumns.wakeUpCall) FROM wake_up_call WHERE person_id = \(person) \
                AND called_at >= \(range.lowerBound) AND called_at < \(range.upperBound) ORDER BY called_at, id
                """, SQLiteDecode.wakeUpCall)
        }
    }

    /// Stores a retest.
    ///
    /// See ``Store/recordRetest(for:testName:side:resultJSON:takenAt:)``.
    public func recordRetest(
        for person: Person.ID, testName: String, side: Side?, resultJSON: String,
        takenAt: Timestamp
    ) async throws -> Retest {
        try Self.requireJSON(resultJSON, field: "resultJson")
        try Self.check(testName, RecordRules.testNameLength, field: "testName")
        return try write { connection in
            try requirePerson(person, in: connection)
            let retest = Retest(
                id: Retest.ID(rawValue: environment.makeID()), personID: person, testName: testName,
                side: side, resultJSON: resultJSON, takenAt: takenAt)
            try connection.insert(retest)
            return retest
        }
    }

    /// The retests of `person`, oldest first, only those of `testName` when given.
    public func retests(for person: Person.ID, testName: String?) async throws -> [Retest] {
        try read { connection in
            if let testName {
                return try connection.fetch(
                    """
                    SELECT \(SQLiteColumns.retest) FROM retest WHERE person_id = \(person) AND test_name = \(testName) \
                    ORDER BY taken_at, id
                    """, SQLiteDecode.retest)
            }
            return try connection.fetch(
                """
                SELECT \(SQLiteColumns.retest) FROM retest WHERE person_id = \(person) ORDER BY taken_at, id
                """, SQLiteDecode.retest)
        }
    }
}
