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
    public init(medicalClearance: Bool = false, parq: ParQ = ParQ(), redFlags: RedFlags = RedFlags(),
                symptoms: Symptoms = Symptoms()) {
        self.medicalClearance = medicalClearance
        self.parq = parq
        self.redFlags = redFlags
        self.symptoms = symptoms
    }
}

/// The PAR-Q+ general health questions (Warburton et al. 2011), one flag each.
public struct ParQ: Sendable, Equatable {
    public var heartCondition = false
    public var chestPain = false
    public var dizziness = false
    public var chronicCondition = false
    public var medication = false
    public var boneOrJointProblem = false
    public var supervisedOnly = false

    /// Creates answers, all "no" by default.
    public init() {}

    /// The answer for each question by its format key, in format order.
    public var answers: [(key: String, value: Bool)] {
        [("heartCondition", heartCondition), ("chestPain", chestPain), ("dizziness", dizziness),
         ("chronicCondition", chronicCondition), ("medication", medication),
         ("boneOrJointProblem", boneOrJointProblem), ("supervisedOnly", supervisedOnly)]
    }

    /// Whether any answer is "yes".
    public var anyYes: Bool { answers.contains { $0.value } }
}

/// Low-back red flags (BMJ Best Practice on cauda equina syndrome; general spinal red flags).
public struct RedFlags: Sendable, Equatable {
    public var saddleNumbness = false
    public var bladderOrBowelChange = false
    public var progressiveLegWeakness = false
    public var unexplainedWeightLoss = false
    public var constantNightPain = false
    public var recentTrauma = false

    /// Creates answers, all "no" by default.
    public init() {}

    /// The answer for each flag by its format key, in format order.
    public var answers: [(key: String, value: Bool)] {
        [("saddleNumbness", saddleNumbness), ("bladderOrBowelChange", bladderOrBowelChange),
         ("progressiveLegWeakness", progressiveLegWeakness), ("unexplainedWeightLoss", unexplainedWeightLoss),
         ("constantNightPain", constantNightPain), ("recentTrauma", recentTrauma)]
    }

    /// Whether any flag is raised.
    public var anyYes: Bool { answers.contains { $0.value } }
}

/// Symptoms the person has now or after activity.
public struct Symptoms: Sendable, Equatable {
    public var backAcheAfterWalking = false
    public var kneePain = false
    public var hipPain = false
    public var legNumbnessOrTingling = false
    /// Pain right now, 0...10.
    public var painNow = 0

    /// Creates answers, no symptoms by default.
    public init() {}
}
