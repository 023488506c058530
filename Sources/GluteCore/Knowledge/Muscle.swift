/// A muscle of the gluteal group or a neighbour that the rules talk about.
public struct Muscle: Sendable, Equatable, Identifiable {
    /// Where a muscle belongs in the system.
    public enum Group: String, Sendable, CaseIterable {
        /// Gluteus maximus, medius and minimus.
        case bigThree = "big-three"
        /// The six deep lateral rotators.
        case deepSix = "deep-six"
        /// Muscles next door that the rules mention.
        case neighbour
    }

    /// Depth below the skin.
    public enum Layer: String, Sendable, CaseIterable {
        case superficial, intermediate, deep
    }

    /// Stable id.
    public let id: String
    /// Display name.
    public let name: String
    /// Big three, deep six or neighbour.
    public let group: Group
    /// Depth below the skin.
    public let layer: Layer
    /// Main actions, in plain words.
    public let actions: [String]
    /// What it looks like when the muscle does not do its job.
    public let failureSigns: [String]
    /// Names the EMG studies use for it.
    public let emgNames: [String]
    /// Other names people type ("gmed").
    public let aliases: [String]
}

/// A short education card, in GluteCoach's own words, with how strong its evidence is.
public struct EducationCard: Sendable, Equatable, Identifiable {
    /// How well supported the card's main claim is.
    public enum EvidenceGrade: String, Sendable, CaseIterable {
        case strong, moderate, weak
    }

    /// Stable id.
    public let id: String
    /// The card's title.
    public let title: String
    /// How strong the evidence for its main claim is.
    public let evidenceGrade: EvidenceGrade
    /// One sentence.
    public let summary: String
    /// Paragraphs.
    public let body: [String]
    /// Citations.
    public let evidence: [String]
    /// Other words that find this card.
    public let aliases: [String]
}
