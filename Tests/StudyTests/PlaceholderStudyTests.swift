import Testing
@Test func placeholderStudy() { #expect(1 + 1 == 2) }
