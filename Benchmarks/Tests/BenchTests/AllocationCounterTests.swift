import Foundation
import Testing
@testable import pipeline_bench

@Suite struct AllocationCounterTests {
    @Test func countsEachAllocationCall() {
        let (n, _) = AllocationCounter.counting {
            for size in [16, 1024, 1 << 20] { free(malloc(size)) }
            free(calloc(4, 8))
            var p: UnsafeMutableRawPointer?
            _ = posix_memalign(&p, 64, 256)
            free(p)
        }
        print("allocations counted: \(n) (expected 5)")
        #expect(n == 5)
    }

    @Test func arithmeticAllocatesNothing() {
        let (n, sum) = AllocationCounter.counting { (0..<1000).reduce(0, &+) }
        #expect(sum == 499_500)
        #expect(n == 0)
    }
}
