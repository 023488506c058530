internal import GluteCore
internal import GluteJSON

/// The self-tests of the interactive assessment, each with instructions a person can follow
/// alone; every test can be skipped (it then counts as not tested).
struct TestQuestions {
    let prompt: Prompter
    let io: CommandIO

    func ask() throws -> JSONValue {
        io.print("\nSELF-TESTS. Each takes a minute or two; answer 'n' to skip one.")
        var tests = JSONObject()
        if try start(
            "Single-leg glute bridge",
            """
            Lie on your back, one foot flat near your hip, the other knee hugged to your chest. Lift your hips \
            until they line up with the knee, lower, and repeat until your form breaks. Note the reps, where you \
            felt it most, and whether your pelvis stayed level. Then the other side.
            """)
        {
            tests["singleLegBridge"] = try perSide { side in
                .object([
                    "reps": .int(
                        try prompt.integer("  \(side) side: reps with good form?", in: Assessment.Limits.bridgeReps)),
                    "feltIn": .string(
                        (try prompt.choice("  \(side) side: felt mostly in?", default: FeltIn.glutes) as FeltIn)
                            .rawValue),
                    "pelvisLevel": .bool(try prompt.yesNo("  \(side) side: did the pelvis stay level?", default: true)),
                ])
            }
        }
        if try start(
            "Isolated glute squeeze",
            """
            Stand tall. Squeeze only your left glute without moving the leg or tightening the thigh; put a hand on \
            it to feel it. Then the right. Rate how strongly each side contracts, 0 to 10.
            """)
        {
            // Asked in the order the instructions give: left, then right.
            tests["gluteSqueeze"] = try perSide { side in
                .object([
                    "isolated": .string(
                        (try prompt.choice("  \(side) side: does it squeeze on its own?", default: Isolation.yes)
                            as Isolation).rawValue),
                    "strength": .int(
                        try prompt.integer("  \(side) side: strength 0-10?", in: Assessment.Limits.squeezeStrength)),
                ])
            }
        }
        if try start(
            "Single-leg stance",
            """
            Face a mirror, hands on hips (a hip drop shows from the front). Lift one foot and hold for 30 seconds. \
            Watch the hip of the lifted leg: does it drop below the standing side? Then the other leg.
            """)
        {
            tests["singleLegStance"] = try perSide { side in
                .object([
                    "hipDrop": .bool(try prompt.yesNo("  standing on the \(side) leg: did the other hip drop?")),
                    "seconds": .int(
                        try prompt.integer(
                            "  \(side) leg: seconds held?", in: Assessment.Limits.stanceSeconds, default: 30)),
                ])
            }
        }
        if try start(
            "Single-leg squat or step-down",
            """
            Facing a mirror (or a phone camera), stand on one leg and squat slowly as far as you control, or step \
            down from a low step. Watch the knee: does it stay over the middle toes or cave inward?
            """)
        {
            tests["singleLegSquat"] = try perSide { side in
                .object([
                    "kneeValgus": .string(
                        (try prompt.choice("  \(side) knee caving in?", default: KneeValgus.none) as KneeValgus)
                            .rawValue)
                ])
            }
        }
        if try start(
            "Single-leg deadlift reach",
            """
            Stand on one leg and hinge forward, reaching both hands toward the floor as the free leg goes back, \
            then return. Five slow reaches per side.
            """)
        {
            tests["singleLegDeadlift"] = try perSide { side in
                .object([
                    "balance": .string(
                        (try prompt.choice("  on the \(side) leg, balance was?", default: Balance.steady) as Balance)
                            .rawValue)
                ])
            }
        }
        if try start(
            "Hip-hinge wall test",
            """
            Stand a foot's length from a wall, facing away. Push your hips back to touch the wall, keeping your \
            shins vertical and your back flat. Pass: hips touch with shins vertical and a hamstring stretch.
            """)
        {
            tests["hipHinge"] = .object(["pass": .bool(try prompt.yesNo("  did you pass?", default: true))])
        }
        if try start(
            "Pelvic posture",
            "Stand side-on to a mirror. Does your pelvis tip forward with an arched lower back (anterior), sit neutral, or tuck under (posterior)?"
        ) {
            tests["pelvicTilt"] = .string(
                (try prompt.choice("  pelvic tilt?", default: PelvicTilt.neutral) as PelvicTilt).rawValue)
        }
        if try start("Bodyweight squat", "Do ten bodyweight squats. Where did you feel them most?") {
            tests["bodyweightSquatFeltIn"] = .string(
                (try prompt.choice("  felt in?", default: SquatFeel.both) as SquatFeel).rawValue)
        }
        return .object(tests)
    }

    private func start(_ name: String, _ instructions: String) throws -> Bool {
        io.print("\n\(name.uppercased())")
        io.writeOutput(TextWrap.paragraph(instructions, indent: 2))
        return try prompt.yesNo("Do this test now?", default: true)
    }

    private func perSide(_ askSide: (String) throws -> JSONValue) throws -> JSONValue {
        .object(["left": try askSide("left"), "right": try askSide("right")])
    }
}
