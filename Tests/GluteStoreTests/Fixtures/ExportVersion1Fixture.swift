/// An export file as the first releases wrote it (format version 1), written by hand from that
/// format: embedded documents are strings of JSON text (`inputJson`, `outputJson`, `planJson`,
/// `resultJson`), a stop is a plan whose `planJson` is `"null"`, new numbness is a marker at the
/// start of a set's note, retests carry a `side` (always `null` from `glute retest`), and a
/// wake-up call has no `answers`.
///
/// It is kept in a Swift file rather than a resource so the test target needs no resources.
enum ExportVersion1Fixture {
    /// The inputJson text of the one assessment, exactly as the file holds it.
    static let inputText = "{ \"version\": 1,\n  \"profile\": {\"age\": 41, \"name\": \"Ana \\u00d1\"} }"

    /// The reason of the stopped plan version.
    static let stopReason = "stopped: see a clinician: pain of 8/10 logged on glute-bridge on 2026-10-03"

    static let text = #"""
        {
          "format": "glutecoach-export",
          "version": 1,
          "people": [
            {"id": "p1", "name": "Ana", "createdAt": "2026-10-01T08:00:00Z"}
          ],
          "assessments": [
            {
              "id": "a1", "personId": "p1", "takenAt": "2026-10-01T08:05:00Z",
              "inputJson": "{ \"version\": 1,\n  \"profile\": {\"age\": 41, \"name\": \"Ana \\u00d1\"} }",
              "outputJson": "{\"version\":1,\"findings\":[{\"code\":\"GLUTE_AMNESIA\",\"sides\":[\"left\"]}],\"plan\":null}"
            }
          ],
          "plans": [
            {
              "id": "v1", "personId": "p1", "version": 1, "reason": "initial assessment",
              "createdAt": "2026-10-01T08:05:00Z", "assessmentId": "a1",
              "planJson": "{\"wakeUpCalls\":{\"everyMinutes\":45,\"during\":{\"start\":\"08:30\",\"end\":\"16:30\",\"days\":[\"mon\",\"tue\",\"wed\",\"thu\",\"fri\"]},\"options\":[\"10 glute squeezes\"],\"items\":[{\"exercise\":\"glute-squeeze\",\"reps\":10}],\"why\":[\"sitting\"]},\"week\":[{\"day\":\"tue\",\"sessions\":[{\"kind\":\"activation\",\"minutes\":8,\"focus\":\"wake the glutes\",\"items\":[{\"exercise\":\"clamshell\",\"side\":\"left-first\",\"sets\":2,\"reps\":15,\"restSeconds\":30,\"why\":[\"GLUTE_AMNESIA\"]}]}]}],\"gates\":[],\"reassessOn\":\"2026-11-12\",\"startsOn\":\"2026-10-01\",\"ergonomics\":[],\"notes\":[]}"
            },
            {
              "id": "v2", "personId": "p1", "version": 2,
              "reason": "stopped: see a clinician: pain of 8/10 logged on glute-bridge on 2026-10-03",
              "createdAt": "2026-10-03T18:00:00Z", "assessmentId": null, "planJson": "null"
            }
          ],
          "loggedSets": [
            {
              "id": "s1", "personId": "p1", "performedAt": "2026-10-02T07:30:00Z", "exerciseId": "clamshell",
              "side": "left", "setCount": 2, "reps": [15, 12], "load": null, "durationSeconds": null,
              "felt": "glutes", "balance": "steady", "rpe": 6, "pain": 0, "note": "felt good"
            },
            {
              "id": "s2", "personId": "p1", "performedAt": "2026-10-03T17:50:00Z", "exerciseId": "glute-bridge",
              "side": "both", "setCount": 3, "reps": [12, 12, 10], "load": {"value": 20, "unit": "kg"},
              "durationSeconds": null, "felt": "lowerBack", "balance": "steady", "rpe": null, "pain": 8,
              "note": "[new numbness] left calf"
            },
            {
              "id": "s3", "personId": "p1", "performedAt": "2026-10-03T17:55:00Z", "exerciseId": "side-plank",
              "side": "right", "setCount": 1, "reps": [], "load": null, "durationSeconds": 20,
              "felt": "nowhere", "balance": "wobble", "rpe": null, "pain": 2, "note": "[new numbness]"
            }
          ],
          "wakeUpCalls": [
            {"id": "w1", "personId": "p1", "at": "2026-10-02T09:30:00Z", "outcome": "done"},
            {"id": "w2", "personId": "p1", "at": "2026-10-02T10:15:00Z", "outcome": "skip"}
          ],
          "retests": [
            {
              "id": "r1", "personId": "p1", "testName": "single-leg-bridge", "side": null,
              "takenAt": "2026-10-02T19:00:00Z",
              "resultJson": "{\"left\":{\"reps\":12,\"feltIn\":\"glutes\"},\"right\":{\"reps\":15,\"feltIn\":\"hamstrings\"}}"
            },
            {
              "id": "r2", "personId": "p1", "testName": "hip-hinge", "side": null,
              "takenAt": "2026-10-02T19:05:00Z", "resultJson": "{\"pass\":true}"
            }
          ]
        }
        """#
}
