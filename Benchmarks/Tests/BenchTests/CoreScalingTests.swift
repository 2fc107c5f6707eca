import CoreScaling
import Testing
@testable import pipeline_bench

/// With m = 1 and c = 1 every one of the 80 lanes counts the rounds, exactly.
@Test func multiplyAddsCountTheirRounds() {
    #expect(core_scaling_multiply_adds(1000, 1, 1) == 80_000)
    #expect(core_scaling_multiply_adds(0, 1, 1) == 0)
    // a -> a * 0.5 + 1 from 0 tends to 2 in every lane.
    #expect(abs(core_scaling_multiply_adds(200, 0.5, 1) - 160) < 1e-3)
}

@Test func coreScalingGivesRatesAndTheirRatio() {
    let r = CoreScalingBenchmark(threads: 2, rounds: 20_000, repeats: 1).run()
    #expect(r.oneThreadGflops > 0 && r.oneThreadGflops.isFinite)
    #expect(r.allThreadsGflops > 0 && r.allThreadsGflops.isFinite)
    #expect(abs(r.scaling - r.allThreadsGflops / r.oneThreadGflops) < 1e-12)
}
