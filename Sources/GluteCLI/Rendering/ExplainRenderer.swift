internal import GluteCore
internal import GluteJSON

/// Text pages for `glute explain`.
struct ExplainRenderer {
    let knowledge: KnowledgeBase

    func exercise(_ exercise: Exercise) -> String {
        var out = "\(exercise.name) (\(exercise.id))\n"
        out +=
            "  Pattern: \(exercise.pattern.rawValue); \(exercise.laterality.rawValue); difficulty \(exercise.difficulty)/5; balance demand \(exercise.balanceDemand.rawValue)\n"
        out +=
            "  Equipment: \(exercise.equipment.isEmpty ? "none" : exercise.equipment.map(\.rawValue).joined(separator: ", "))"
        out +=
            exercise.loadable
            ? "; load with \(exercise.loadWith.map(\.rawValue).joined(separator: " or "))\n" : "; no external load\n"
        out +=
            "  Muscles: \(exercise.muscles.map { id in knowledge.muscles.first { $0.id == id }?.name ?? id }.joined(separator: ", "))\n"
        out += "\nHow to do it:\n"
        for cue in exercise.cues { out += TextWrap.paragraph("- " + cue, indent: 2) }
        if !exercise.easier.isEmpty { out += "\nEasier: \(exercise.easier.joined(separator: ", "))\n" }
        if !exercise.harder.isEmpty { out += "Harder: \(exercise.harder.joined(separator: ", "))\n" }
        out += "\nPublished EMG (for ranking only; %MVIC is not comparable across studies):\n"
        if exercise.emg.isEmpty { out += "  No verified figure in GluteCoach's evidence file.\n" }
        for m in exercise.emg {
            let sd = m.sd.map { " +/- \(JSONValue.format($0))" } ?? ""
            out += TextWrap.paragraph(
                "- \(m.measuredMuscle): \(JSONValue.format(m.percentMVIC))\(sd) % (\(m.metric); measured as \"\(m.measuredExercise)\") - \(m.study)",
                indent: 2)
        }
        return out
    }

    func muscle(_ muscle: Muscle) -> String {
        var out =
            "\(muscle.name) (\(muscle.id))\n  Group: \(muscle.group.rawValue); layer: \(muscle.layer.rawValue)\n\nWhat it does:\n"
        for action in muscle.actions { out += TextWrap.paragraph("- " + action, indent: 2) }
        out += "\nWhen it fails:\n"
        for sign in muscle.failureSigns { out += TextWrap.paragraph("- " + sign, indent: 2) }
        let trainers = knowledge.exercises(training: muscle.id)
        out += "\nExercises that train it:\n"
        out +=
            trainers.isEmpty
            ? "  none in the catalogue emphasise it directly\n"
            : TextWrap.paragraph(trainers.map(\.id).joined(separator: ", "), indent: 2)
        return out
    }

    func card(_ card: EducationCard) -> String {
        var out =
            "\(card.title)\n  Evidence: \(card.evidenceGrade.rawValue)\n\n"
            + TextWrap.paragraph(card.summary, indent: 2)
        for paragraph in card.body { out += "\n" + TextWrap.paragraph(paragraph, indent: 2) }
        out += "\nSources:\n"
        for source in card.evidence { out += TextWrap.paragraph("- " + source, indent: 2) }
        return out
    }
}
