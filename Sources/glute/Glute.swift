import GluteCLI

/// The `glute` executable: only the entry point; every command lives in GluteCLI.
@main
struct Glute {
    static func main() async {
        await CommandRunner.main()
    }
}
