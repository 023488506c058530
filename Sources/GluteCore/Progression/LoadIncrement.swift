/// The smallest change of load an implement allows: the step every new load is rounded to.
///
/// Two steps cover the equipment a home or gym trainee has:
///
/// | increment | kg | lb | typical implements |
/// | --- | --- | --- | --- |
/// | ``fine`` | 1 | 2.5 | dumbbells, cable stacks with add-on plates, weight vests, fractional plates |
/// | ``standard`` | 2.5 | 5 | barbells (1.25 kg or 2.5 lb plates a side), machine stacks, kettlebells |
///
/// Kettlebells really jump 4 kg; they are ``standard`` here so that the engine still proposes a
/// sensible total, and the person picks the nearest bell.
///
/// ```swift
/// LoadIncrement.standard.step(in: .lb)   // 5
/// ```
public enum LoadIncrement: String, Sendable, CaseIterable, Hashable {
    /// 1 kg or 2.5 lb.
    case fine
    /// 2.5 kg or 5 lb.
    case standard

    /// The step in `unit`.
    ///
    /// - Parameter unit: The unit the load is written in.
    /// - Returns: The step, a number every proposed load is a multiple of.
    public func step(in unit: LoadUnit) -> Double {
        switch (self, unit) {
        case (.fine, .kg): 1
        case (.fine, .lb): 2.5
        case (.standard, .kg): 2.5
        case (.standard, .lb): 5
        }
    }
}
