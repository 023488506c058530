public import GluteApp
public import GluteCore

/// What the API runs on: the application, the account directory and the settings.
///
/// The composition root (the `glute serve` command) builds it: it opens the store, makes the
/// ``GluteApp`` over it and hands both here, so this module never knows which back end it is.
public struct APIServices: Sendable {
    /// The settings a deployment chooses.
    public struct Settings: Sendable {
        /// Whether cookies carry `Secure` (the server speaks TLS).
        public var secureCookies: Bool
        /// Failed sign-ins allowed per address and per email within ``signInWindowSeconds``.
        public var signInAttempts: Int
        /// The window of the sign-in limit, in seconds.
        public var signInWindowSeconds: Int
        /// How far in the future a logged set's `at` may be (a phone's clock skew), in seconds.
        public var aheadToleranceSeconds: Int64
        /// The body limit of `importJSON`, in bytes.
        public var importBodyLimit: Int
        /// The body limit of `analyzeLandmarks`, in bytes.
        public var landmarkBodyLimit: Int

        /// Creates settings: no TLS, 10 failed sign-ins a minute, five minutes of skew, 32 MiB
        /// imports and 256 MiB landmark files.
        public init(
            secureCookies: Bool = false, signInAttempts: Int = 10, signInWindowSeconds: Int = 60,
            aheadToleranceSeconds: Int64 = 300, importBodyLimit: Int = 32 << 20, landmarkBodyLimit: Int = 256 << 20
        ) {
            self.secureCookies = secureCookies
            self.signInAttempts = signInAttempts
            self.signInWindowSeconds = signInWindowSeconds
            self.aheadToleranceSeconds = aheadToleranceSeconds
            self.importBodyLimit = importBodyLimit
            self.landmarkBodyLimit = landmarkBodyLimit
        }
    }

    /// The use cases.
    public var app: GluteApp
    /// Accounts, sessions, tokens and coaching links.
    public var accounts: any AccountDirectory
    /// The settings.
    public var settings: Settings
    let limiter: SignInLimiter
    /// The per-minute answers of getToday.
    public let cache = ResponseCache()

    /// Creates the services.
    public init(app: GluteApp, accounts: any AccountDirectory, settings: Settings = Settings()) {
        self.app = app
        self.accounts = accounts
        self.settings = settings
        self.limiter = SignInLimiter(attempts: settings.signInAttempts, windowSeconds: settings.signInWindowSeconds)
    }

    /// The clock every timestamp comes from (the app's, which `GLUTE_NOW` fixes).
    public var clock: WallClock { app.clock }
}
