/// Who may call an operation: the one access decision every route carries.
///
/// The server enforces it in one place (``AccessMiddleware``) and the OpenAPI document publishes
/// it as `x-glute-access`, both from the route's ``Operation``. There is no default: a route
/// cannot be registered without saying who may call it.
public enum Access: String, Sendable, CaseIterable, Hashable {
    /// Anyone, signed in or not.
    case anyone
    /// Anyone holding the secret in the URL (the calendar feed); no sign-in.
    case feedSecret
    /// Any signed-in account, acting on its own person.
    case account
    /// A signed-in client (accepting and leaving coaches).
    case client
    /// A signed-in coach, about their own practice.
    case coach
    /// A signed-in coach, about one client (`{client}` in the path) who accepted their invitation.
    case coachOfClient

    /// Whether the caller must be signed in.
    public var needsSignIn: Bool {
        switch self {
        case .anyone, .feedSecret: false
        case .account, .client, .coach, .coachOfClient: true
        }
    }

    /// The sentence the OpenAPI document gives beside the code.
    public var explanation: String {
        switch self {
        case .anyone: "Anyone; no sign-in."
        case .feedSecret: "Anyone who holds the secret feed URL; no sign-in."
        case .account: "Any signed-in account (client or coach), for its own data."
        case .client: "A signed-in client."
        case .coach: "A signed-in coach."
        case .coachOfClient: "A signed-in coach, for a client who accepted their invitation."
        }
    }
}
