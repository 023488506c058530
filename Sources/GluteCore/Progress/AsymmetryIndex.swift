/// The side-to-side asymmetry index: |L-R| / max(L,R).
///
/// 0 means both sides are the same; 0.25 means the weaker side does a quarter less than the
/// stronger one. Two zeros count as even (0), not as undefined.
///
/// ```swift
/// AsymmetryIndex.value(left: 12, right: 16)   // 0.25
/// ```
public enum AsymmetryIndex {
    /// The index of two non-negative values, from 0 to 1.
    ///
    /// - Parameters:
    ///   - left: The left side's value.
    ///   - right: The right side's value.
    /// - Returns: |left-right| / max(left, right), or 0 when both are 0.
    public static func value(left: Double, right: Double) -> Double {
        let larger = max(left, right)
        guard larger > 0 else { return 0 }
        return abs(left - right) / larger
    }

    /// The index of a pair of counts.
    public static func value(_ pair: PerSide<Int>) -> Double {
        value(left: Double(pair.left), right: Double(pair.right))
    }
}
