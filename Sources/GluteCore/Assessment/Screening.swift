/// The safety screen, modelled on the PAR-Q+ and on low-back red flags.
public struct Screening: Sendable, Equatable {
    /// True once a clinician has cleared loaded work (after a PAR-Q "yes").
    public var medicalClearance: Bool
    /// The seven PAR-Q+ general health questions; any `true` asks for clearance before load.
    public var parq: ParQ
    /// Red flags; any `true` stops the flow and refers to a clinician.
    public var redFlags: RedFlags
    /// Current symptoms.
    public var symptoms: Symptoms

    /// Creates a screen.
    public init(
        medicalClearance: Bool = false, parq: ParQ = ParQ(), redFlags: RedFlags = RedFlags(),
        symptoms: Symptoms = Symptoms()
    ) {
        self.medicalClearance = medicalClearance
        self.parq = parq
        self.redFlags = redFlags
        self.symptoms = symptoms
    }
}

/// The PAR-Q+ general health questions, one flag each.
///
/// From the PAR-Q+ of Warburton et al. 2011.
public struct ParQ: Sendable, Equatable {
    /// PAR-Q+: a doctor has said there is a heart condition or high blood pressure.
    public var heartCondition = false
    /// PAR-Q+: chest pain at rest, in daily life or when active.
    public var chestPain = false
    /// PAR-Q+: lost balance from dizziness or lost consciousness in the last 12 months.
    public var dizziness = false
    /// PAR-Q+: another diagnosed chronic medical condition.
    public var chronicCondition = false
    /// PAR-Q+: prescribed medication for a chronic condition.
    public var medication = false
    /// PAR-Q+: a bone, joint or soft-tissue problem that more activity could worsen.
    public var boneOrJointProblem = false
    /// PAR-Q+: a doctor has said to exercise only under medical supervision.
    public var supervisedOnly = false

    /// Creates answers, all "no" by default.
    public init() {}

    /// Each question's format key and the property holding its answer, in format order.
    public static var fields: [(key: String, path: WritableKeyPath<ParQ, Bool>)] {
        [
            ("heartCondition", \.heartCondition), ("chestPain", \.chestPain), ("dizziness", \.dizziness),
            ("chronicCondition", \.chronicCondition), ("medication", \.medication),
            ("boneOrJointProblem", \.boneOrJointProblem), ("supervisedOnly", \.supervisedOnly),
        ]
    }

    /// The answer for each question by its format key, in format order.
    public var answers: [(key: String, value: Bool)] { Self.fields.map { ($0.key, self[keyPath: $0.path]) } }

    /// Whether any answer is "yes".
    public var anyYes: Bool { answers.contains { $0.value } }
}

/// Low-back red flags (BMJ Best Practice on cauda equina syndrome; general spinal red flags).
public struct RedFlags: Sendable, Equatable {
    /// Numbness or tingling in the saddle area (a sign of cauda equina syndrome).
    public var saddleNumbness = false
    /// A new change in bladder or bowel control.
    public var bladderOrBowelChange = false
    /// Leg weakness that is getting worse.
    public var progressiveLegWeakness = false
    /// Weight loss without a known reason.
    public var unexplainedWeightLoss = false
    /// Constant back pain at night that rest does not ease.
    public var constantNightPain = false
    /// A recent fall, accident or blow to the back or hips.
    public var recentTrauma = false

    /// Creates answers, all "no" by default.
    public init() {}

    /// Each flag's format key and the property holding its answer, in format order.
    public static var fields: [(key: String, path: WritableKeyPath<RedFlags, Bool>)] {
        [
            ("saddleNumbness", \.saddleNumbness), ("bladderOrBowelChange", \.bladderOrBowelChange),
            ("progressiveLegWeakness", \.progressiveLegWeakness), ("unexplainedWeightLoss", \.unexplainedWeightLoss),
            ("constantNightPain", \.constantNightPain), ("recentTrauma", \.recentTrauma),
        ]
    }

    /// The answer for each flag by its format key, in format order.
    public var answers: [(key: String, value: Bool)] { Self.fields.map { ($0.key, self[keyPath: $0.path]) } }

    /// Whether any flag is raised.
    public var anyYes: Bool { answers.contains { $0.value } }
}

/// Symptoms the person has now or after activity.
public struct Symptoms: Sendable, Equatable {
    /// The lower back aches after a short walk.
    public var backAcheAfterWalking = false
    /// Knee pain on stairs, runs or squats.
    public var kneePain = false
    /// A hip that hurts or "acts up".
    public var hipPain = false
    /// Numbness or tingling running down a leg.
    public var legNumbnessOrTingling = false
    /// Pain right now, 0...10.
    public var painNow = 0

    /// Creates answers, no symptoms by default.
    public init() {}
}
