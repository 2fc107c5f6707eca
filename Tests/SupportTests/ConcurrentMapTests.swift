import Testing
import Support

@Test(arguments: [0, 1, 63, 64, 65, 1000, 10_007])
func concurrentMapEqualsMap(count: Int) {
    let items = Array(0..<count)
    #expect(items.concurrentMap(minimumChunk: 64) { $0 * 3 + 1 } == items.map { $0 * 3 + 1 })
}
