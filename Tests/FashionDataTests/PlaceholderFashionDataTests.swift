import Testing
@Test func placeholderFashionData() { #expect(1 + 1 == 2) }
