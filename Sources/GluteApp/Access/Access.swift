public import GluteStore

/// What a call requires of its caller: the one vocabulary every front end uses to decide who
/// may do what, checked by ``GluteApp/authorize(_:_:)``.
///
/// A route or command names its requirement; the caller is a ``Principal``. The rules are
/// PRODUCT.md section 6: a client sees only themselves; a coach sees and edits only the clients
/// who accepted their invitation.
///
/// ```swift
/// GluteApp.authorize(principal, .clientSelf(person))       // my own plan
/// GluteApp.authorize(principal, .coachOfClient(person))    // a client's plan, as their coach
/// ```
public enum Access: Sendable, Hashable {
    /// Anyone, signed in or not (signing up, signing in, the calendar feed with its secret).
    case anonymous
    /// Any signed-in account.
    case signedIn
    /// A signed-in client (accepting an invitation, leaving a coach).
    case client
    /// A signed-in coach, about their own practice (invitations, the dashboard).
    case coach
    /// The signed-in account whose person this is: their own training data.
    case clientSelf(Person.ID)
    /// A signed-in coach with a link in force to the client whose person this is.
    case coachOfClient(Person.ID)
    /// The person themselves or a coach of theirs (reading a plan both may see).
    case selfOrCoach(Person.ID)
}
