import Foundation
import Synchronization
import Testing

@testable import GluteSecurity

/// argon2id through libsodium: hashes verify, salts differ, parameters are read back, and the
/// work runs on the hasher's own threads, at most the limit at once.
@Suite struct PasswordHasherTests {
    /// The least libsodium accepts, so that these tests take milliseconds.
    let fast = PasswordHasher(parameters: .minimum, maximumConcurrentHashes: 2)

    @Test func aHashVerifiesItsPasswordAndNoOther() async throws {
        let hash = try await fast.hash("correct horse battery staple")
        #expect(hash.hasPrefix("$argon2id$v=19$m=8,t=1,p=1$"))
        #expect(await fast.verify("correct horse battery staple", against: hash))
        #expect(await !fast.verify("correct horse battery stapl", against: hash))
        #expect(await !fast.verify("", against: hash))
    }

    @Test func theSamePasswordHashesDifferentlyEachTime() async throws {
        let first = try await fast.hash("correct horse battery staple")
        let second = try await fast.hash("correct horse battery staple")
        #expect(first != second)
        #expect(await fast.verify("correct horse battery staple", against: second))
    }

    @Test func composedAndDecomposedAccentsAreOnePassword() async throws {
        let composed = "caf\u{E9} au lait tous les jours"
        let decomposed = "cafe\u{301} au lait tous les jours"
        #expect(Array(composed.utf8) != Array(decomposed.utf8))
        let hash = try await fast.hash(decomposed)
        #expect(await fast.verify(composed, against: hash))
    }

    @Test(arguments: ["", "not a hash", "$argon2id$v=19$m=8,t=1,p=1$broken", String(repeating: "$", count: 500)])
    func aMalformedHashVerifiesNothingAndNeedsARehash(_ hash: String) async {
        #expect(await !fast.verify("correct horse battery staple", against: hash))
        #expect(fast.needsRehash(hash))
    }

    @Test func aHashMadeWithOtherParametersNeedsARehash() async throws {
        let weak = try await fast.hash("correct horse battery staple")
        #expect(!fast.needsRehash(weak))
        let stronger = PasswordHasher(parameters: PasswordHasher.Parameters(passes: 2, memoryBytes: 16 * 1024))
        #expect(stronger.needsRehash(weak))
        // It still verifies: the parameters travel with the hash.
        #expect(await stronger.verify("correct horse battery staple", against: weak))
        #expect(PasswordHasher().needsRehash(weak))
    }

    @Test func theStandardParametersAre64MiBAndTwoPasses() async throws {
        let hasher = PasswordHasher()
        #expect(hasher.parameters == PasswordHasher.Parameters(passes: 2, memoryBytes: 64 * 1024 * 1024))
        #expect(hasher.parameters.description == "2 passes, 64 MiB")
        #expect(hasher.maximumConcurrentHashes == 2)
        let hash = try await hasher.hash("correct horse battery staple")
        #expect(hash.hasPrefix("$argon2id$v=19$m=65536,t=2,p=1$"))
        #expect(!hasher.needsRehash(hash))
        #expect(await hasher.verify("correct horse battery staple", against: hash))
    }

    @Test func hashesRunOnTheHashersThreadsAtMostTheLimitAtOnce() async throws {
        let threads = HashingThreads(limit: 2, name: "test-hash")
        defer { threads.stop() }
        let watch = Watch()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    await threads.run {
                        // The thread's own identity: Foundation on Linux does not always report
                        // the name a thread gave itself.
                        watch.begin(on: "\(pthread_self())")
                        Thread.sleep(forTimeInterval: 0.02)
                        watch.end()
                    }
                }
            }
        }
        #expect(watch.most == 2)
        #expect(watch.threads.count == 2, "eight jobs on the two threads of the hasher")
    }

    @Test func manyConcurrentHashesAllFinishAndVerify() async throws {
        let passwords = (0..<12).map { "password number \($0) of twelve" }
        let hashes = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for (index, password) in passwords.enumerated() {
                group.addTask { (index, try await fast.hash(password)) }
            }
            var result: [Int: String] = [:]
            for try await (index, hash) in group { result[index] = hash }
            return result
        }
        for (index, password) in passwords.enumerated() {
            #expect(await fast.verify(password, against: hashes[index] ?? ""))
        }
    }
}

/// Counts the jobs running at once and the threads they ran on.
private final class Watch: Sendable {
    private let state = Mutex((running: 0, most: 0, threads: Set<String>()))

    func begin(on thread: String) {
        state.withLock { state in
            state.running += 1
            state.most = max(state.most, state.running)
            state.threads.insert(thread)
        }
    }

    func end() { state.withLock { $0.running -= 1 } }

    var most: Int { state.withLock { $0.most } }
    var threads: Set<String> { state.withLock { $0.threads } }
}
