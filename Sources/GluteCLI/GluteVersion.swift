/// The version `glute --version` prints.
public enum GluteVersion {
    /// Semantic version of the tool and its formats.
    public static let current = "0.1.0"
}
