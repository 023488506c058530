import Synchronization

/// Makes request ids for requests that arrive without a valid `X-Request-Id`.
///
/// A struct of one closure, so tests can inject a predictable sequence.
///
/// ```swift
/// let ids = RequestIDSource { "test-1" }
/// ```
public struct RequestIDSource: Sendable {
    private let make: @Sendable () -> String

    /// Creates a source from a closure; it is called concurrently from several threads.
    public init(_ make: @escaping @Sendable () -> String) { self.make = make }

    /// A new id.
    public func next() -> String { make() }

    /// 16 lowercase hex digits: 8 chosen at random when the process starts, then a counter, so
    /// ids are unique within a run and almost surely across runs, and cost no system call.
    public static let random: RequestIDSource = {
        let prefix = UInt64(UInt32.random(in: .min ... .max)) << 32
        let counter = RequestCounter()
        return RequestIDSource {
            let sequence = counter.value.wrappingAdd(1, ordering: .relaxed).newValue
            return hex(prefix | UInt64(sequence))
        }
    }()

    /// Whether an incoming `X-Request-Id` is used as it is: 1 to 128 characters from
    /// `A-Z a-z 0-9 - _ . :`, which keeps log lines unambiguous.
    public static func isValid(_ id: String) -> Bool {
        let utf8 = id.utf8
        guard (1...128).contains(utf8.count) else { return false }
        return utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: ":"):
                true
            default: false
            }
        }
    }

    static func hex(_ value: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { buffer in
            for index in 0..<16 {
                let nibble = UInt8((value >> UInt64(60 - 4 * index)) & 0xF)
                buffer[index] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
            }
            return 16
        }
    }
}

/// The count behind ``RequestIDSource/random``: an atomic, since both event-loop threads take ids.
private final class RequestCounter: Sendable {
    let value = Atomic<UInt32>(0)
}
