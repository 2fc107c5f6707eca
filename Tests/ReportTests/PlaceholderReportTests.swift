import Testing
@Test func placeholderReport() { #expect(1 + 1 == 2) }
