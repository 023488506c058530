internal import CSodium
internal import Foundation

/// Hashes and checks passwords with argon2id (libsodium's `crypto_pwhash_str`), on threads of
/// its own, at most ``maximumConcurrentHashes`` at once.
///
/// A hash is the self-describing text libsodium writes (`$argon2id$v=19$m=65536,t=2,p=1$…`):
/// algorithm, parameters and a random salt travel with it, so ``verify(_:against:)`` needs
/// nothing else, and ``needsRehash(_:)`` says when a stored hash was made with other parameters
/// (store a new one at the next successful sign-in). Passwords are hashed in Unicode normal form C,
/// so the same password typed on two keyboards that compose accents differently still matches.
///
/// Hashing blocks a thread for about 64 ms and takes 64 MiB with ``Parameters/standard``; it
/// never runs on Swift's cooperative pool.
///
/// ```swift
/// let hasher = PasswordHasher()
/// let stored = try await hasher.hash("correct horse battery staple")
/// let ok = await hasher.verify("correct horse battery staple", against: stored)   // true
/// ```
///
/// ## Topics
/// - ``Parameters``
/// - ``hash(_:)``, ``verify(_:against:)``, ``needsRehash(_:)``
public final class PasswordHasher: Sendable {
    /// How hard each hash is: argon2id's passes (`opslimit`) and memory (`memlimit`).
    public struct Parameters: Sendable, Hashable, CustomStringConvertible {
        /// Passes over the memory (libsodium's `opslimit`), at least 1.
        public var passes: Int
        /// Memory in bytes (libsodium's `memlimit`), at least 8 KiB.
        public var memoryBytes: Int

        /// Creates parameters.
        public init(passes: Int, memoryBytes: Int) {
            self.passes = passes
            self.memoryBytes = memoryBytes
        }

        /// libsodium's "interactive" argon2id parameters: 2 passes over 64 MiB, about 64 ms per hash
        /// on this project's machines (`crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE`,
        /// `crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE`).
        public static let standard = Parameters(
            passes: Int(crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE),
            memoryBytes: Int(crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE))

        /// The least libsodium accepts (1 pass, 8 KiB): for tests only, never for real passwords.
        public static let minimum = Parameters(
            passes: Int(crypto_pwhash_argon2id_OPSLIMIT_MIN), memoryBytes: Int(crypto_pwhash_argon2id_MEMLIMIT_MIN))

        /// `2 passes, 64 MiB`.
        public var description: String {
            let kibibytes = memoryBytes / 1024
            let memory = kibibytes % 1024 == 0 ? "\(kibibytes / 1024) MiB" : "\(kibibytes) KiB"
            return "\(passes) \(passes == 1 ? "pass" : "passes"), \(memory)"
        }
    }

    /// The parameters new hashes are made with.
    public let parameters: Parameters
    /// How many hashes (or verifications) may run at once: the number of hashing threads.
    public let maximumConcurrentHashes: Int
    private let threads: HashingThreads

    /// Creates a hasher.
    ///
    /// - Parameters:
    ///   - parameters: the cost of each hash; ``Parameters/standard`` unless a test needs speed.
    ///   - maximumConcurrentHashes: how many hashes may run at once (each holds its memory while it
    ///     runs); further calls wait their turn.
    /// - Precondition: the parameters are within libsodium's limits and the limit is at least 1.
    public init(parameters: Parameters = .standard, maximumConcurrentHashes: Int = 2) {
        precondition(parameters.passes >= Int(crypto_pwhash_argon2id_OPSLIMIT_MIN), "argon2id needs 1 pass or more")
        precondition(
            parameters.memoryBytes >= Int(crypto_pwhash_argon2id_MEMLIMIT_MIN), "argon2id needs 8 KiB of memory or more"
        )
        Sodium.ready()
        self.parameters = parameters
        self.maximumConcurrentHashes = maximumConcurrentHashes
        threads = HashingThreads(limit: maximumConcurrentHashes, name: "glute-hash")
    }

    deinit { threads.stop() }

    /// The argon2id hash of `password`, with a new random salt, as libsodium's text.
    ///
    /// The policy is not checked here: call ``PasswordPolicy/check(_:)`` on new passwords first.
    ///
    /// - Throws: ``SecurityError/Code/hashingFailed`` when the memory could not be allocated.
    public func hash(_ password: String) async throws(SecurityError) -> String {
        let parameters = self.parameters
        let result: String? = await threads.run { Self.hashNow(password, parameters) }
        guard let result else { throw .hashingFailed() }
        return result
    }

    /// Whether `password` is the one `hash` was made from.
    ///
    /// Takes as long as hashing with the parameters written in `hash`; a malformed hash is `false`.
    public func verify(_ password: String, against hash: String) async -> Bool {
        await threads.run { Self.verifyNow(password, hash) }
    }

    /// Whether `hash` should be replaced by a new one of this hasher's.
    ///
    /// True when it was made with other parameters or another algorithm (replace it at the next
    /// successful sign-in, when the password is known), and for a malformed hash. Quick: it only
    /// reads the parameters written in the text.
    public func needsRehash(_ hash: String) -> Bool {
        guard hash.utf8.count < Int(crypto_pwhash_argon2id_STRBYTES) else { return true }
        // "Returns 1 if the string does not match the given parameters, 0 if it does, -1 if the
        // string appears to be invalid" (crypto_pwhash_str_needs_rehash), for argon2id strings.
        let result = hash.withCString { text in
            crypto_pwhash_argon2id_str_needs_rehash(
                text, UInt64(parameters.passes), Int(parameters.memoryBytes))
        }
        return result != 0
    }

    // MARK: On a hashing thread

    private static func hashNow(_ password: String, _ parameters: Parameters) -> String? {
        var bytes = passwordBytes(password)
        defer { sodium_memzero(&bytes, bytes.count) }
        var out = [CChar](repeating: 0, count: Int(crypto_pwhash_argon2id_STRBYTES))
        let length = UInt64(bytes.count - 1)
        let code = crypto_pwhash_str_alg(
            &out, bytes, length, UInt64(parameters.passes), Int(parameters.memoryBytes),
            crypto_pwhash_alg_argon2id13())
        guard code == 0 else { return nil }
        return String(decoding: out.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func verifyNow(_ password: String, _ hash: String) -> Bool {
        guard hash.utf8.count < Int(crypto_pwhash_argon2id_STRBYTES) else { return false }
        var bytes = passwordBytes(password)
        defer { sodium_memzero(&bytes, bytes.count) }
        let length = UInt64(bytes.count - 1)
        return hash.withCString { stored in crypto_pwhash_str_verify(stored, bytes, length) == 0 }
    }

    /// The password's UTF-8 bytes in normal form C, followed by a NUL that is not part of it, so
    /// the buffer passed to C is never empty (its length is count - 1).
    private static func passwordBytes(_ password: String) -> [CChar] {
        password.precomposedStringWithCanonicalMapping.utf8.map { CChar(bitPattern: $0) } + [0]
    }
}
