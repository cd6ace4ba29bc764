import Testing
@Test func bootstrap() { #expect(true) }
