import Foundation
import Testing
@testable import pipeline_bench

// Tests run in parallel, so exact counts use the calling thread's counter;
// the process-wide one can only be bounded from below.
@Suite struct AllocationCounterTests {
    @Test func countsEachAllocationCall() {
        let before = AllocationCounter.count
        let (n, _) = AllocationCounter.countingOnThisThread {
            // No array literal or loop here: unoptimised Swift would allocate for them.
            free(malloc(16))
            free(malloc(1024))
            free(malloc(1 << 20))
            free(calloc(4, 8))
            var p: UnsafeMutableRawPointer?
            _ = posix_memalign(&p, 64, 256)
            free(p)
        }
        print("allocations counted on this thread: \(n) (expected 5)")
        #expect(n == 5)
        #expect(AllocationCounter.count - before >= 5)
    }

    @Test func arithmeticAllocatesNothing() {
        let (n, sum) = AllocationCounter.countingOnThisThread { () -> Int in
            var total = 0, i = 0
            while i < 1000 { total &+= i; i += 1 }
            return total
        }
        #expect(sum == 499_500)
        #expect(n == 0)
    }

    @Test func aGrowingArrayAllocates() {
        let (n, array) = AllocationCounter.countingOnThisThread { () -> [Int] in
            var a: [Int] = []
            for i in 0..<100 { a.append(i) }
            return a
        }
        print("allocations of 100 appends: \(n)")
        #expect(array.count == 100)
        #expect(n >= 1)
    }
}
