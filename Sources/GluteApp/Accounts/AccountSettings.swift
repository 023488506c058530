public import GluteSecurity
internal import Synchronization

/// How accounts behave: the password hasher, how long sessions last, the limits on signing in,
/// how long invitations and idempotency keys are kept.
///
/// ```swift
/// var settings = AccountSettings()
/// settings.signInLimits.perAddress = RateLimit(attempts: 50, per: .seconds(900))
/// let app = GluteApp(store: store, knowledge: knowledge, clock: .system, defaultTimeZone: nil, accounts: settings)
/// ```
public struct AccountSettings: Sendable {
    /// Hashes passwords: argon2id, 64 MiB, on threads of its own, two at once.
    public var hasher: PasswordHasher
    /// How long a session lasts after signing in, used or not (30 days).
    public var sessionLifetime: Duration = .seconds(30 * 86_400)
    /// How long a session lasts unused (7 days): every use moves this on.
    public var sessionIdleTimeout: Duration = .seconds(7 * 86_400)
    /// How often a session's last use is written (every 5 minutes of use), so that reading a
    /// session is not a write on every request.
    public var sessionTouchInterval: Duration = .seconds(300)
    /// Failed sign-ins allowed per account and per address.
    public var signInLimits = SignInLimits()
    /// Accounts one address may sign up in a window (each costs a password hash).
    public var signUpLimit = RateLimit(attempts: 10, per: .seconds(3600))
    /// How long an invitation can be accepted (14 days).
    public var invitationLifetime: Duration = .seconds(14 * 86_400)
    /// How long the answer to a request with an `Idempotency-Key` is kept for retries (24 hours).
    public var idempotencyRetention: Duration = .seconds(86_400)
    /// A hash of no one's password, made once with ``hasher``: what an unknown email is checked
    /// against, so that it takes as long as a wrong password.
    let decoy = DecoyHash()

    /// The defaults, with `hasher`.
    public init(hasher: PasswordHasher = PasswordHasher()) {
        self.hasher = hasher
    }
}

/// A limit on attempts: at most ``attempts`` in a fixed window of ``window``.
public struct RateLimit: Sendable, Hashable {
    /// Attempts allowed in one window.
    public var attempts: Int
    /// The window's length.
    public var window: Duration

    /// Creates a limit.
    public init(attempts: Int, per window: Duration) {
        self.attempts = attempts
        self.window = window
    }
}

/// The limits on failed sign-ins: per account (its email, known or not) and per address.
///
/// Every attempt counts until it succeeds: a success takes its attempt back and clears the
/// account's count, so only failures remain. When either limit is reached, attempts are
/// refused (without checking the password) until the window ends.
public struct SignInLimits: Sendable, Hashable {
    /// Failed attempts on one email (5 in 15 minutes).
    public var perAccount = RateLimit(attempts: 5, per: .seconds(900))
    /// Failed attempts from one address (20 in 15 minutes).
    public var perAddress = RateLimit(attempts: 20, per: .seconds(900))

    /// The defaults.
    public init() {}
}

/// A hash made on first use and kept, shared by copies of the settings.
final class DecoyHash: Sendable {
    private let hash = Mutex<String?>(nil)

    /// The kept hash, made with `hasher` the first time.
    func value(_ hasher: PasswordHasher) async -> String {
        if let kept = hash.withLock({ $0 }) { return kept }
        // A random password nobody knows: the hash only has to cost what a real one does.
        let made = (try? await hasher.hash(SecretToken.random().text)) ?? ""
        hash.withLock { $0 = $0 ?? made }
        return hash.withLock { $0 } ?? made
    }
}

extension Duration {
    /// Whole milliseconds, as timestamps count them.
    var milliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
