/// Plain-language descriptions of the finding codes and of the principles that plan items name
/// in their `why`, for `glute explain` and the web app.
public enum Glossary {
    /// What a finding code means and what the plan does about it.
    public static func describe(_ code: Finding.Code) -> String {
        switch code {
        case .referToClinician:
            "A red flag in the safety screen (saddle numbness, a new bladder or bowel change, worsening leg weakness, unexplained weight loss, constant night pain, recent trauma). GluteCoach stops and asks you to see a clinician; no exercise plan is made."
        case .medicalClearance:
            "A yes on the PAR-Q+ health questionnaire. Until a clinician clears you, no exercise carries external load; once cleared, the finding stays as information."
        case .neuralSymptoms:
            "Numbness or tingling down a leg. The plan is cautious: bodyweight and band work only, no Romanian or single-leg deadlifts, swings or deep-rotator stretching, and a referral is suggested."
        case .painNow:
            "Pain at rest of 4/10 or more. The plan stays unloaded until pain is 3 or less; 7 or more stops the plan and asks you to see a clinician."
        case .recruitmentDeficit:
            "The single-leg bridge is felt mainly in the lower back or hamstrings (or nowhere), which the source article reads as other muscles doing the glutes' work (its rule, not a validated test). Activation comes first and hinges stay unloaded until a retest is felt in the glutes on both sides."
        case .asymmetry:
            "One side lags: bridge reps 20 % apart, a squeeze that isolates on one side only or is 3 points weaker, or a single-leg test that fails on one side only. The weaker side goes first and the stronger side matches its reps."
        case .mediusWeakness:
            "The hip drops in single-leg stance or the knee caves in during a single-leg squat. The gluteus medius gets side-lying, band and single-leg work."
        case .balanceDeficit:
            "A wobble or lost balance in the single-leg deadlift reach. Standing single-leg work stays unloaded until the reach is steady."
        case .hingeDeficit: "The hip-hinge wall test failed. The hinge drill comes before loaded deadlifts and swings."
        case .anteriorPelvicTilt:
            "The pelvis tips forward with an arched lower back. Pelvic-tilt drills and a hip-flexor stretch are added."
        case .prolongedSitting:
            "Six or more hours of sitting a day or stretches over an hour. Wake-up calls during working hours and an ergonomics checklist are added."
        case .quadDominant:
            "Squats are felt in the quads, or the femurs are long. Hinges and single-leg work lead; squats are left out of the main lifts."
        }
    }

    /// The principles plan items cite, by id.
    public static let principles: [(id: String, text: String)] = [
        ("activation-first", "Low-load activation before load: relearn to use the glutes, then make them strong."),
        (
            "activation-baseline",
            "A few minutes of glute work at least three times a week keeps them working (source article)."
        ),
        (
            "hinge-first",
            "Strength days are built around a hip hinge or thrust, where the glutes do most of the work (Krause Neto et al. 2020; Contreras et al. 2015)."
        ),
        ("single-leg-work", "Single-leg work exposes and fixes side-to-side weaknesses that two-footed lifts hide."),
        ("weaker-side-first", "The weaker side works first and sets the reps; the stronger side matches them."),
        (
            "pelvic-stability",
            "Band and side-plank work for the gluteus medius, which keeps the pelvis level on one leg."
        ),
        ("squat-secondary", "Squats are kept last: good for the legs, but not the top glute exercise."),
        ("goal-hypertrophy", "For size: hip thrusts with progressive load lead the session."),
        ("goal-stability", "For stability: extra single-leg and band work."),
        ("wake-up-call", "A short glute exercise after each stretch of sitting, during working hours."),
        (
            "pain-swap",
            "An exercise that hurt (pain 4/10 or more) was taken out and replaced by its easier variant or a pain-free exercise of the same movement pattern."
        ),
    ]
}
