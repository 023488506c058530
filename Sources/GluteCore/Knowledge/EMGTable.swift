internal import GluteJSON

/// The rows of the reference file `emg.json` that carry a number, looked up by the exercise and
/// muscle names the studies use.
///
/// Rows without a number (unverified figures) are left out, rows from the unvetted secondary
/// data set are never used, and neither are rows whose metric says neither mean nor peak (a
/// review table's "%MVIC (as tabulated)"), since a figure shown to people names its metric.
struct EMGTable {
    struct Row {
        let exercise: String, muscle: String, metric: String, study: String, verification: String
        let percentMVIC: Double, sd: Double?
    }

    private let rows: [Row]

    init(_ document: JSONValue) throws(FieldError) {
        guard let elements = document.arrayValue else {
            throw FieldError(field: "emg.json", message: "must be an array of rows")
        }
        var rows: [Row] = []
        for (offset, element) in elements.enumerated() {
            guard let object = element.objectValue else {
                throw FieldError(field: "emg.json[\(offset)]", message: "must be an object")
            }
            guard let value = object["meanMVIC"]?.numberValue,
                let verification = object["verification"]?.stringValue,
                verification != "secondary-unvetted-dataset", verification != "unverified",
                let metric = object["metric"]?.stringValue, EMGMeasurement.namesMeanOrPeak(metric)
            else { continue }
            rows.append(
                Row(
                    exercise: object["exercise"]?.stringValue ?? "", muscle: object["muscle"]?.stringValue ?? "",
                    metric: metric, study: object["study"]?.stringValue ?? "",
                    verification: verification, percentMVIC: value, sd: object["sd"]?.numberValue))
        }
        self.rows = rows
    }

    /// The one row for an exercise and muscle as the study names them.
    func row(exercise: String, muscle: String) -> Row? {
        rows.first { $0.exercise == exercise && $0.muscle == muscle }
    }
}
