import Testing

@testable import GluteStore

/// The live identifiers are version 7 UUIDs whose text order is the order they were made.
@Suite struct IdentifierSourceTests {
    @Test func orderedIdentifiersSortAsTheyWereMadeAndNeverRepeat() {
        // Far more than one millisecond's 4096, so the count rolls over inside one test.
        let made = (0..<20_000).map { _ in IdentifierSource.ordered.make() }
        #expect(made == made.sorted())
        #expect(Set(made).count == made.count)
        for id in made.prefix(100) {
            let characters = Array(id)
            #expect(characters.count == 36)
            #expect([8, 13, 18, 23].allSatisfy { characters[$0] == "-" })
            #expect(characters[14] == "7", "version 7: \(id)")
            #expect("89ab".contains(characters[19]), "RFC 9562 variant: \(id)")
            #expect(id == id.lowercased())
        }
    }
}
