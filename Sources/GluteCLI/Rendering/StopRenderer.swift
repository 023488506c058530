internal import GluteApp

/// The one text every daily command prints after a stop, instead of training.
enum StopRenderer {
    static func text(_ stop: StopNotice, width: Int) -> String {
        "SEE A CLINICIAN\n\n" + TextWrap.paragraph(stop.reason + ".", indent: 2, width: width)
            + TextWrap.paragraph(stop.advice, indent: 2, width: width)
    }
}
