internal import Dispatch

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Reads one key press from standard input with a timeout.
///
/// On a terminal the key counts without Enter: canonical mode and echo are switched off for the
/// wait and restored afterwards. Otherwise (a pipe) the first byte of the next line counts.
enum TerminalKeyReader {
    /// The key pressed within `timeout` (`"\n"` for Enter), or `nil` on timeout or end of input.
    static func readKey(timeout: Duration) -> Character? {
        let isTerminal = isatty(0) == 1
        var saved = termios()
        if isTerminal, tcgetattr(0, &saved) == 0 {
            var raw = saved
            raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
            _ = tcsetattr(0, TCSANOW, &raw)
            _ = tcflush(0, TCIFLUSH)  // Keys typed before the ring are not an answer to it.
        }
        defer { if isTerminal { _ = tcsetattr(0, TCSANOW, &saved) } }
        let milliseconds = Int32(
            clamping: timeout.components.seconds * 1000
                + timeout.components.attoseconds / 1_000_000_000_000_000)
        var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, milliseconds) == 1 else { return nil }
        var byte: UInt8 = 0
        guard read(0, &byte, 1) == 1 else { return nil }
        if !isTerminal, byte != UInt8(ascii: "\n") {
            var rest: UInt8 = 0
            while read(0, &rest, 1) == 1, rest != UInt8(ascii: "\n") {}
        }
        return byte == UInt8(ascii: "\r") ? "\n" : Character(Unicode.Scalar(byte))
    }

    /// Makes Ctrl-C restore the terminal's settings before exiting (status 130), so an interrupt
    /// while a key is awaited does not leave the terminal without echo.
    ///
    /// Keep the returned source.
    static func restoreTerminalOnInterrupt() -> (any DispatchSourceSignal)? {
        var original = termios()
        guard isatty(0) == 1, tcgetattr(0, &original) == 0 else { return nil }
        let saved = original
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            var settings = saved
            _ = tcsetattr(0, TCSANOW, &settings)
            exit(130)
        }
        source.resume()
        return source
    }
}
