internal import Glibc

/// How `glute serve` asks the C library's allocator to manage its memory.
enum ServerMemory {
    /// `M_TRIM_THRESHOLD` and `M_MMAP_THRESHOLD` of glibc's `<malloc.h>`, which the Glibc module
    /// does not import.
    private static let trimThreshold: Int32 = -1
    private static let mmapThreshold: Int32 = -3

    /// Keeps freed memory in the process instead of handing it back to the kernel after every
    /// batch of requests.
    ///
    /// With the defaults, glibc trims a thread's heap as soon as a few hundred KB at its top are
    /// free, and the database writer frees that much on every batch: each trim is an `madvise`
    /// that makes the kernel interrupt the other core to flush its TLB, and the next batch
    /// faults the pages in again. That took a tenth of the writer's time under load. Now 32 MiB
    /// may stay free before a trim, and only blocks of 4 MiB or more get a mapping of their own
    /// (a fixed threshold, so that glibc's adaptive one cannot undo the trim setting). The
    /// server's RSS stays within the 64 MB target of `make bench-http`.
    ///
    /// `mallopt` is found at run time, so that a C library without it changes nothing.
    static func configure() {
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        _ = mallopt(trimThreshold, 32 * 1024 * 1024)
        _ = mallopt(mmapThreshold, 4 * 1024 * 1024)
    }
}
