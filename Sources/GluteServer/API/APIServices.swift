public import GluteApp
public import GluteCore

/// What the API runs on: the application (use cases, accounts and access) and the settings.
///
/// The composition root (the `glute serve` command) builds it: it opens the store, makes the
/// ``GluteApp`` over it and hands it here, so this module never knows which back end it is.
public struct APIServices: Sendable {
    /// The settings a deployment chooses.
    public struct Settings: Sendable {
        /// Whether cookies carry `Secure` (the server speaks TLS).
        public var secureCookies: Bool
        /// How far in the future a logged set's `at` may be (a phone's clock skew), in seconds.
        public var aheadToleranceSeconds: Int64
        /// The body limit of `importJSON`, in bytes.
        public var importBodyLimit: Int
        /// The body limit of `analyzeLandmarks`, in bytes.
        public var landmarkBodyLimit: Int

        /// Creates settings: no TLS, five minutes of skew, 32 MiB imports and 256 MiB landmark files.
        public init(
            secureCookies: Bool = false, aheadToleranceSeconds: Int64 = 300, importBodyLimit: Int = 32 << 20,
            landmarkBodyLimit: Int = 256 << 20
        ) {
            self.secureCookies = secureCookies
            self.aheadToleranceSeconds = aheadToleranceSeconds
            self.importBodyLimit = importBodyLimit
            self.landmarkBodyLimit = landmarkBodyLimit
        }
    }

    /// The use cases, accounts among them (sign-in limits and session lifetimes are its
    /// `AccountSettings`).
    public var app: GluteApp
    /// The settings.
    public var settings: Settings
    /// The per-minute answers of getToday.
    public let cache = ResponseCache()

    /// Creates the services.
    public init(app: GluteApp, settings: Settings = Settings()) {
        self.app = app
        self.settings = settings
    }

    /// The clock every timestamp comes from (the app's, which `GLUTE_NOW` fixes).
    public var clock: WallClock { app.clock }
}
