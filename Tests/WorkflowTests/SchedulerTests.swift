import Testing
@testable import Workflow

/// The scheduler driven by hand: no threads, no files, no clock.
private typealias S = Scheduler.Stage

/// Every action up to the point the scheduler needs an event it cannot get
/// from `answer` (evaluations are answered at once: `.mustRun` with the stage
/// name as key, or `.cached` for names in `cached`).
private func drain(_ s: inout Scheduler, cached: Set<String> = [], keys: [String: String] = [:]) -> [Scheduler.Action] {
    var actions: [Scheduler.Action] = []
    while let a = s.next() {
        actions.append(a)
        switch a {
        case .evaluate(let i), .recheck(let i):
            let name = s.stages[i].name
            s.handle(cached.contains(name) ? .cached(i) : .mustRun(i, key: keys[name] ?? name))
        default: break
        }
    }
    return actions
}

/// The started stages among `actions`, as name:threads.
private func started(_ s: Scheduler, _ actions: [Scheduler.Action]) -> [String] {
    actions.compactMap { if case .start(let i, let n) = $0 { return "\(s.stages[i].name):\(n)" }; return nil }
}

@Suite struct SchedulerTests {
    @Test func readyStagesGoInPipelineOrderWhateverTheEventOrder() {
        // a, b, c independent; d reads c, e reads a. One core.
        var s = Scheduler(stages: [S(name: "a"), S(name: "b"), S(name: "c"), S(name: "d", deps: [2]), S(name: "e", deps: [0])], cores: 1)
        #expect(drain(&s) == [.evaluate(0), .start(0, threads: 1), .evaluate(1), .evaluate(2)])
        s.handle(.finished(0))
        // e's inputs are final now, but b and c were ready first.
        #expect(drain(&s) == [.start(1, threads: 1), .evaluate(4)])
        s.handle(.finished(1))
        #expect(drain(&s) == [.start(2, threads: 1)])
        s.handle(.finished(2))
        #expect(drain(&s) == [.evaluate(3), .start(3, threads: 1)])
        s.handle(.finished(3))
        #expect(drain(&s) == [.start(4, threads: 1)])
        s.handle(.finished(4))
        #expect(drain(&s) == [])
        #expect(s.isFinished)
        #expect(s.summary.ran == 5 && s.summary.cached == 0)
    }

    @Test func aStageIsEvaluatedOnlyOnceItsInputsAreFinal() {
        var s = Scheduler(stages: [S(name: "a"), S(name: "b"), S(name: "c", deps: [0, 1])], cores: 2)
        #expect(drain(&s) == [.evaluate(0), .start(0, threads: 1), .evaluate(1), .start(1, threads: 1)])
        s.handle(.finished(1))
        #expect(drain(&s) == [], "c still waits for a")
        s.handle(.finished(0))
        #expect(drain(&s) == [.evaluate(2), .start(2, threads: 1)])
    }

    /// A dependency that ran can still leave its dependant cached (same bytes, same key).
    @Test func earlyCutoffLeavesADependantCached() {
        var s = Scheduler(stages: [S(name: "a"), S(name: "b", deps: [0]), S(name: "c", deps: [1])], cores: 2)
        #expect(drain(&s) == [.evaluate(0), .start(0, threads: 1)])
        s.handle(.finished(0))
        #expect(drain(&s, cached: ["b", "c"]) == [.evaluate(1), .evaluate(2)])
        #expect(s.isFinished)
        #expect(s.summary.ran == 1 && s.summary.cached == 2)
    }

    @Test func aFailureBlocksItsDependantsAndOnlyThem() {
        // bad <- after <- after2; ok independent; both <- bad, ok.
        var s = Scheduler(stages: [S(name: "bad"), S(name: "ok"), S(name: "after", deps: [0]), S(name: "after2", deps: [2]),
                                   S(name: "both", deps: [0, 1])], cores: 2)
        #expect(drain(&s) == [.evaluate(0), .start(0, threads: 1), .evaluate(1), .start(1, threads: 1)])
        s.handle(.failed(0))
        #expect(drain(&s) == [.skip(2, upstream: 0), .skip(3, upstream: 2), .skip(4, upstream: 0)])
        s.handle(.finished(1))
        #expect(drain(&s) == [])
        #expect(s.isFinished)
        #expect(s.summary.failed == 1 && s.summary.ran == 1 && s.summary.cached == 0)
    }

    @Test func freeCoresAreSharedAmongTheStagesReadyTogether() {
        let stages = [S(name: "t1", maxThreads: 4), S(name: "t2", maxThreads: 4), S(name: "one", maxThreads: 1), S(name: "t3", deps: [0], maxThreads: 4)]
        var s = Scheduler(stages: stages, cores: 4)
        // Three ready, four cores: 4/3 -> 1 each; the last core stays free (nothing grows).
        #expect(started(s, drain(&s)) == ["t1:1", "t2:1", "one:1"])
        #expect(s.free == 1)
        s.handle(.finished(0))
        // t3 alone is ready, two cores free: it takes both.
        #expect(started(s, drain(&s)) == ["t3:2"])
        var alone = Scheduler(stages: [S(name: "big", maxThreads: 3)], cores: 8)
        #expect(started(alone, drain(&alone)) == ["big:3"], "never more than maxThreads")
    }

    @Test func coresFreedWhileNothingIsReadyAreLentToGrowingStages() {
        var s = Scheduler(stages: [S(name: "short", maxThreads: 2, growsThreads: true), S(name: "long", maxThreads: 2, growsThreads: true),
                                   S(name: "fixed", maxThreads: 2)], cores: 3)
        #expect(started(s, drain(&s)) == ["short:1", "long:1", "fixed:1"])
        s.handle(.finished(0))
        #expect(drain(&s) == [.lend(1, cores: 1)])
        #expect(s.threads(1) == 2 && s.free == 0)
        s.handle(.finished(1))
        #expect(drain(&s) == [], "fixed does not grow")
        #expect(s.free == 2)
    }

    @Test func lendingGoesOneCoreAtATimeInStartOrder() {
        var s = Scheduler(stages: [S(name: "a", maxThreads: 8, growsThreads: true), S(name: "b", maxThreads: 2, growsThreads: true),
                                   S(name: "c", maxThreads: 1), S(name: "d", maxThreads: 1), S(name: "e", maxThreads: 1)], cores: 5)
        #expect(started(s, drain(&s)) == ["a:1", "b:1", "c:1", "d:1", "e:1"])
        s.handle(.finished(2)); s.handle(.finished(3)); s.handle(.finished(4))
        #expect(drain(&s) == [.lend(0, cores: 2), .lend(1, cores: 1)])
    }

    @Test func aReadyStageGetsAFreedCoreBeforeLending() {
        var s = Scheduler(stages: [S(name: "a"), S(name: "b", maxThreads: 2, growsThreads: true), S(name: "after-a", deps: [0])], cores: 2)
        #expect(started(s, drain(&s)) == ["a:1", "b:1"])
        s.handle(.finished(0))
        #expect(drain(&s) == [.evaluate(2), .start(2, threads: 1)])
        s.handle(.finished(2))
        #expect(drain(&s) == [.lend(1, cores: 1)])
    }

    /// The bug of issue 14: a producer sent back by a corrupt input ran twice
    /// and was counted twice in `N ran`.
    @Test func aCorruptInputSendsTheProducerBackOnceAndCountsItOnce() {
        var s = Scheduler(stages: [S(name: "p"), S(name: "c", deps: [0]), S(name: "other", deps: [0])], cores: 1)
        #expect(drain(&s) == [.evaluate(0), .start(0, threads: 1)])
        s.handle(.finished(0))
        #expect(drain(&s) == [.evaluate(1), .start(1, threads: 1), .evaluate(2)])
        #expect(s.mayRequeue(1))
        s.handle(.corruptInputs(1, producers: [0]))
        // p is looked at again (same key), runs, then c and other are evaluated again.
        #expect(drain(&s) == [.recheck(0), .start(0, threads: 1)])
        s.handle(.finished(0))
        #expect(drain(&s) == [.evaluate(1), .start(1, threads: 1), .evaluate(2)])
        #expect(!s.mayRequeue(1), "once per stage")
        s.handle(.corruptInputs(1, producers: [0]))  // a second report is a failure
        #expect(drain(&s) == [.start(2, threads: 1)])
        s.handle(.finished(2))
        #expect(s.isFinished)
        #expect(s.summary.ran == 2 && s.summary.failed == 1, "p once, other once; c failed")
    }

    @Test func aCachedProducerSentBackCountsAsRan() {
        var s = Scheduler(stages: [S(name: "p"), S(name: "c", deps: [0])], cores: 1)
        #expect(drain(&s, cached: ["p"]) == [.evaluate(0), .evaluate(1), .start(1, threads: 1)])
        s.handle(.corruptInputs(1, producers: [0]))
        #expect(drain(&s) == [.recheck(0), .start(0, threads: 1)])
        s.handle(.finished(0))
        #expect(drain(&s) == [.evaluate(1), .start(1, threads: 1)])
        s.handle(.finished(1))
        #expect(s.summary.ran == 2 && s.summary.cached == 0)
    }

    @Test func cancellationStartsNothingNewAndLetsRunningStagesEnd() {
        var s = Scheduler(stages: [S(name: "a"), S(name: "b"), S(name: "c", deps: [0]), S(name: "d")], cores: 1)
        #expect(drain(&s) == [.evaluate(0), .start(0, threads: 1), .evaluate(1), .evaluate(3)])
        s.handle(.cancelled)
        #expect(drain(&s) == [])
        #expect(!s.isFinished, "a still runs")
        s.handle(.interrupted(0))
        #expect(drain(&s) == [.skip(2, upstream: 0)])
        #expect(s.isFinished)
        #expect(s.summary.interrupted && s.summary.ran == 0 && s.summary.failed == 0)
        #expect(!s.mayRequeue(1))
    }

    /// `.computed` frees the cores; dependants (and the same key) wait for `.finished`.
    @Test func dependantsWaitForThePublishedResultNotForTheCores() {
        var s = Scheduler(stages: [S(name: "a"), S(name: "b"), S(name: "after-a", deps: [0])], cores: 1)
        #expect(drain(&s) == [.evaluate(0), .start(0, threads: 1), .evaluate(1)])
        s.handle(.computed(0))
        #expect(drain(&s) == [.start(1, threads: 1)], "a's core goes to b; after-a waits for a's record")
        #expect(!s.isFinished)
        s.handle(.finished(0))
        #expect(drain(&s) == [.evaluate(2)])
        s.handle(.finished(1))
        #expect(drain(&s) == [.start(2, threads: 1)])
        s.handle(.computed(2)); s.handle(.failed(2))  // its record could not be written
        #expect(s.isFinished)
        #expect(s.summary.ran == 2 && s.summary.failed == 1)
    }

    @Test func aKeyRunningHereMakesTheSecondStageWaitThenFindItCached() {
        var s = Scheduler(stages: [S(name: "x"), S(name: "y")], cores: 2)
        #expect(drain(&s, keys: ["x": "K", "y": "K"]) == [.evaluate(0), .start(0, threads: 1), .evaluate(1)])
        #expect(s.free == 1, "y waits for x's key and holds no core")
        s.handle(.finished(0))
        #expect(drain(&s, cached: ["y"]) == [.recheck(1)])
        #expect(s.summary.ran == 1 && s.summary.cached == 1)
    }

    @Test func aKeyClaimedElsewhereIsRecheckedAfterThePoll() {
        var s = Scheduler(stages: [S(name: "x")], cores: 1)
        #expect(drain(&s) == [.evaluate(0), .start(0, threads: 1)])
        s.handle(.claimedElsewhere(0))
        #expect(s.free == 1 && s.isPolling && !s.isFinished)
        #expect(drain(&s) == [])
        s.handle(.pollDue)
        #expect(drain(&s, cached: ["x"]) == [.recheck(0)])
        #expect(s.isFinished && s.summary.cached == 1)
    }

    @Test func onlySelectedStagesAreConsidered() {
        var s = Scheduler(stages: [S(name: "a"), S(name: "b"), S(name: "c", deps: [0])], selected: [true, false, true], cores: 2)
        #expect(drain(&s) == [.evaluate(0), .start(0, threads: 1)])
        s.handle(.finished(0))
        #expect(drain(&s) == [.evaluate(2), .start(2, threads: 1)])
    }

    /// Finishing a stage touches only its dependants: 10,000 independent stages
    /// on 2 cores, then a chain of 10,000, stay within a few visits per stage.
    @Test func workIsLinearInStagesAndDeps() {
        for shape in ["flat", "chain"] {
            let n = 10_000
            let stages = (0..<n).map { S(name: "s\($0)", deps: shape == "chain" && $0 > 0 ? [$0 - 1] : []) }
            var s = Scheduler(stages: stages, cores: 2)
            var running: [Int] = []
            var actions = 0, rounds = 0
            repeat {
                for a in drain(&s) { actions += 1; if case .start(let i, _) = a { running.append(i) } }
                if !running.isEmpty { s.handle(.finished(running.removeFirst())) }
                rounds += 1
            } while (!running.isEmpty || !s.isFinished) && rounds <= 2 * n
            #expect(s.summary.ran == n, "\(shape)")
            #expect(actions == 2 * n, "\(shape)")
            #expect(s.visits <= 4 * n, "\(shape): \(s.visits) visits")
        }
    }
}
