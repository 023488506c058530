internal import Foundation
internal import Synchronization

/// Where the identifiers of new records come from, injected so that tests are deterministic.
///
/// Times never come from here or from the store: every timestamp a record carries is given by the
/// caller, from the one clock of the application (`WallClock`).
///
/// ```swift
/// let live = IdentifierSource.ordered
/// let test = IdentifierSource.sequential()   // "id-1", "id-2", ...
/// ```
public struct IdentifierSource: Sendable {
    /// A new, unique identifier text.
    public var make: @Sendable () -> String

    /// Creates a source from a function.
    public init(make: @escaping @Sendable () -> String) {
        self.make = make
    }

    /// Version 7 UUIDs in lowercase: unique, and in the order they were made.
    ///
    /// Each starts with the machine's Unix time in milliseconds and a count that grows within
    /// that millisecond; the rest is random. Text comparison of two identifiers from one process
    /// therefore tells which record was made first, which is how entries stamped with the same
    /// instant are replayed in the order they arrived. The time here only orders identifiers:
    /// no record's time is read from it.
    public static let ordered: IdentifierSource = {
        let last = Mutex((milliseconds: UInt64(0), count: UInt64(0)))
        return IdentifierSource {
            let now = UInt64(max(0, Date().timeIntervalSince1970 * 1000))
            let (milliseconds, count) = last.withLock { last in
                if now > last.milliseconds {
                    last = (now, 0)
                } else if last.count < 0xFFF {
                    last.count += 1
                } else {
                    last = (last.milliseconds + 1, 0)  // more than 4096 in a millisecond
                }
                return (last.milliseconds, last.count)
            }
            return version7(milliseconds: milliseconds, count: count)
        }
    }()

    /// Numbered identifiers in order (`id-1`, `id-2`, ...), for tests.
    public static func sequential(prefix: String = "id") -> IdentifierSource {
        let counter = Mutex(0)
        return IdentifierSource {
            let next = counter.withLock { value in
                value += 1
                return value
            }
            return "\(prefix)-\(next)"
        }
    }

    /// The text of a version 7 UUID: 48 bits of time, version, a 12-bit count, variant, 62
    /// random bits.
    static func version7(milliseconds: UInt64, count: UInt64) -> String {
        let high = (milliseconds & 0xFFFF_FFFF_FFFF) << 16 | 0x7000 | (count & 0xFFF)
        let low = UInt64.random(in: .min ... .max) & 0x3FFF_FFFF_FFFF_FFFF | 0x8000_0000_0000_0000
        // Written byte by byte: this runs for every logged entry, inside the writer's batch.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(36)
        for index in 0..<32 {
            if index == 8 || index == 12 || index == 16 || index == 20 { bytes.append(UInt8(ascii: "-")) }
            let word = index < 16 ? high : low
            bytes.append(hexDigits[Int(word >> UInt64(60 - 4 * (index % 16)) & 0xF)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
