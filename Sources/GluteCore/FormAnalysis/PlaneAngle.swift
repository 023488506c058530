/// Angles in the image plane, in degrees, computed without Foundation.
///
/// GluteCore imports nothing beyond the standard library, which has no `atan2`; this one uses a
/// polynomial for the arctangent on [0, 1] and folds the other octants onto it. Its error is
/// below 0.001 degrees, far under what a pose estimator can resolve.
public enum PlaneAngle {
    /// The angle of the vector (`x`, `y`) from the positive x axis, in degrees, in -180...180.
    @inlinable
    public static func atan2Degrees(_ y: Double, _ x: Double) -> Double {
        let ax = abs(x)
        let ay = abs(y)
        if ax == 0 && ay == 0 { return 0 }
        let swap = ay > ax
        let z = swap ? ax / ay : ay / ax
        var angle = arctangentOfUnit(z)
        if swap { angle = 90 - angle }
        if x < 0 { angle = 180 - angle }
        return y < 0 ? -angle : angle
    }

    /// The arctangent of `z` in 0...1, in degrees (a minimax-style odd polynomial).
    @inlinable
    static func arctangentOfUnit(_ z: Double) -> Double {
        let z2 = z * z
        var p = -0.0117212
        p = p * z2 + 0.05265332
        p = p * z2 - 0.11643287
        p = p * z2 + 0.19354346
        p = p * z2 - 0.33262347
        p = p * z2 + 0.99997726
        return p * z * 57.29577951308232
    }

    /// The signed angle that turns direction (`ax`, `ay`) into (`bx`, `by`), in degrees.
    ///
    /// With y pointing down, a positive angle turns clockwise on screen.
    @inlinable
    public static func turn(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double) -> Double {
        atan2Degrees(ax * by - ay * bx, ax * bx + ay * by)
    }

    /// The unsigned angle between two directions, in degrees, in 0...180.
    @inlinable
    public static func between(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double) -> Double {
        abs(turn(ax, ay, bx, by))
    }
}
