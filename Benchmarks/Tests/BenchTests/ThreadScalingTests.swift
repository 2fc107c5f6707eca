import Testing
@testable import pipeline_bench

@Suite struct ThreadScalingTests {
    /// 0.94 x the floor on one thread, 1.40 x faster on two: 0.94 x 2 / 1.40.
    @Test func theTwoFactorsMultiplyToTheMultipleOfTheIdealFloor() {
        let s = ThreadScaling(threads: 2, overSingleThreadFloor: 0.94, speedup: 1.40)
        #expect(abs(s.overIdealFloor - 1.342_857_142_857) < 1e-9)
    }

    @Test func aMissWithTheProductsAloneAboveTheTargetNamesTheHost() {
        let line = ThreadScaling.diagnosis(
            missed: ["relu", "tanh"], target: 1.10,
            scalings: [.init(threads: 2, overSingleThreadFloor: 0.94, speedup: 1.55),
                       .init(threads: 2, overSingleThreadFloor: 0.98, speedup: 1.50)],
            busyOverIdeal: 1.25)
        #expect(line == "on 1 thread the step takes 0.94-0.98 x its floor; on 2 threads it runs 1.50-1.55 x faster, "
                + "and sgemm alone, with every core busy, 1.60 x (1.250 x the ideal floor): the products alone are above "
                + "1.10 x on this host's cores, whatever the split")
    }

    @Test func aStepAboveItsFloorOnOneThreadIsNamedFirst() {
        let line = ThreadScaling.diagnosis(
            missed: ["elu"], target: 1.10, scalings: [.init(threads: 2, overSingleThreadFloor: 1.20, speedup: 1.9)],
            busyOverIdeal: 1.25)
        #expect(line.hasSuffix("1.90 x faster, and sgemm alone, with every core busy, 1.60 x (1.250 x the ideal floor): "
                               + "the step itself is above 1.10 x its floor on one thread; the products alone are above "
                               + "1.10 x on this host's cores, whatever the split"))
    }

    @Test func aMissOnCoresThatScaleNamesTheSplit() {
        let line = ThreadScaling.diagnosis(
            missed: ["relu"], target: 1.10, scalings: [.init(threads: 2, overSingleThreadFloor: 1.0, speedup: 1.6)],
            busyOverIdeal: 1.02)
        #expect(line.hasSuffix("(1.020 x the ideal floor): the split over the threads gains less than sgemm alone"))
        // Within the target's margin of sgemm's own gain, the split is not named.
        let close = ThreadScaling.diagnosis(
            missed: ["relu"], target: 1.10, scalings: [.init(threads: 2, overSingleThreadFloor: 1.2, speedup: 1.8)],
            busyOverIdeal: 1.02)
        #expect(close.hasSuffix(": the step itself is above 1.10 x its floor on one thread"))
        #expect(ThreadScaling.diagnosis(missed: [], target: 1.10, scalings: [], busyOverIdeal: 1.3) == "")
    }
}
