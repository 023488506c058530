internal import CSodium

/// libsodium's one-time set-up.
///
/// "sodium_init() initializes the library and should be called before any other function
/// provided by Sodium. [...] The function can be called more than once, and can be called
/// simultaneously from multiple threads." It returns 0 on success, 1 when already initialised
/// and -1 on failure; every entry point of this module calls ``ready()`` first.
enum Sodium {
    /// The result of the first `sodium_init()`, computed once (Swift runs a static's initialiser
    /// exactly once, even with several threads asking at the same time).
    private static let initialised: Bool = sodium_init() >= 0

    /// Initialises libsodium if needed; stops the process when it cannot be initialised, which
    /// libsodium documents only for a machine without a usable random source.
    static func ready() {
        precondition(initialised, "libsodium could not be initialised (sodium_init failed): no random source?")
    }
}
