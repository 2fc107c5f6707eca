import Testing
@Test func placeholderNets() { #expect(1 + 1 == 2) }
