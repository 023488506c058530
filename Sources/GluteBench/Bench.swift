import GluteCore

@main
struct Bench {
    static func main() {}
}
