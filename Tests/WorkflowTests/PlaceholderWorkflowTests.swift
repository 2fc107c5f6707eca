import Testing
@Test func placeholderWorkflow() { #expect(1 + 1 == 2) }
