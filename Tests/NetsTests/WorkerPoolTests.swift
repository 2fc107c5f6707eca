import Foundation
import Testing
@testable import Nets

/// Adds 1 to `marks[part]` and records the thread that ran the part.
private struct MarkJob: ParallelJob {
    let marks: UnsafeMutablePointer<Int>
    let threads: UnsafeMutablePointer<pthread_t>
    func run(part: Int) {
        marks[part] += 1
        threads[part] = pthread_self()
    }
}

/// Fills `out[part * width ..< (part + 1) * width]` with `part * 1000 + i`.
private struct FillJob: ParallelJob {
    let out: UnsafeMutablePointer<Int>
    let width: Int
    func run(part: Int) {
        for i in 0..<width { out[part * width + i] = part * 1000 + i }
    }
}

@Suite struct WorkerPoolTests {
    /// Every part runs exactly once per call, part 0 on the caller and the others
    /// on distinct workers, for every size and part count, many times over
    /// (a lost wake-up or a double run would show here).
    @Test func everyPartRunsOnceOnItsOwnThread() {
        let marks = UnsafeMutablePointer<Int>.allocate(capacity: 4)
        let threads = UnsafeMutablePointer<pthread_t>.allocate(capacity: 4)
        defer { marks.deallocate(); threads.deallocate() }
        for size in 1...4 {
            let pool = WorkerPool(size: size)
            for parts in 0...size {
                for _ in 0..<300 {
                    marks.initialize(repeating: 0, count: 4)
                    pool.run(MarkJob(marks: marks, threads: threads), parts: parts)
                    #expect((0..<4).map { marks[$0] } == (0..<4).map { $0 < parts ? 1 : 0 }, "size \(size), parts \(parts)")
                    if parts > 0 { #expect(pthread_equal(threads[0], pthread_self()) != 0) }
                    let distinct = Set((0..<parts).map { threads[$0] })
                    #expect(distinct.count == parts)
                }
            }
        }
    }

    /// What the parts wrote is visible to the caller when `run` returns, also
    /// after the workers have gone to sleep between jobs.
    @Test func writesAreVisibleAfterRunIncludingAfterSleeping() {
        let pool = WorkerPool(size: 3)
        let width = 4096
        let out = UnsafeMutablePointer<Int>.allocate(capacity: 3 * width)
        defer { out.deallocate() }
        for round in 0..<6 {
            out.initialize(repeating: -1, count: 3 * width)
            if round % 2 == 1 { usleep(50_000) }  // well past the spin phase: workers sleep
            pool.run(FillJob(out: out, width: width), parts: 3)
            let expected = (0..<3).flatMap { p in (0..<width).map { p * 1000 + $0 } }
            #expect(Array(UnsafeBufferPointer(start: out, count: 3 * width)) == expected, "round \(round)")
        }
    }

    /// `range` covers 0..<count in order, in whole blocks, parts differing by at most one block.
    @Test func rangesAreContiguousWholeBlocks() {
        for count in [0, 1, 10, 63, 64, 65, 200, 256, 784] {
            for parts in 1...5 {
                let ranges = (0..<parts).map { WorkerPool.range($0, of: parts, count: count, block: 64) }
                #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == count)
                for (a, b) in zip(ranges, ranges.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
                for r in ranges.dropLast() { #expect(r.count % 64 == 0) }
                let blocks = ranges.map { ($0.count + 63) / 64 }
                #expect((blocks.max() ?? 0) - (blocks.min() ?? 0) <= 1, "count \(count), parts \(parts): \(ranges)")
            }
        }
        #expect(WorkerPool(size: 2).parts(count: 10, block: 64) == 1)
        #expect(WorkerPool(size: 2).parts(count: 256, block: 64) == 2)
        #expect(WorkerPool(size: 8).parts(count: 256, block: 64) == 4)
    }
}
