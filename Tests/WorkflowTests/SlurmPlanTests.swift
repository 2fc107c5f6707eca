import Foundation
import Testing
@testable import Workflow

@Test func slurmPlanMakesOneArrayPerMatrixTemplate() throws {
    let p = try SlurmProject(SlurmProject.diamond)
    let plan = SlurmPlan.make(pipeline: p.pipeline, selected: Set(p.pipeline.stages.map(\.name)), forced: []) { _, _ in nil }
    #expect(plan.units.map(\.stages) == [["src"], ["up@1", "up@2", "up@3"], ["solo"], ["count"]])
    #expect(plan.units.map(\.name) == ["src", "up", "solo", "count"])
    typealias D = SlurmPlan.Dependency
    #expect(plan.units.map(\.after) == [[], [D(unit: 0)], [D(unit: 0)],
                                        [D(unit: 1, task: 0), D(unit: 1, task: 1), D(unit: 1, task: 2), D(unit: 2)]])
    #expect(plan.cached.isEmpty)
}

@Test func slurmPlanSkipsCachedStagesAndKeepsForcedOnes() throws {
    let p = try SlurmProject(SlurmProject.diamond)
    let record = RunRecord(key: "k", stage: "src", kind: "write", version: 1, params: .null, inputs: [:], outputs: [:],
                           started: "", seconds: 0, tool: "", host: "")
    // src and solo cached; solo forced.
    let plan = SlurmPlan.make(pipeline: p.pipeline, selected: Set(p.pipeline.stages.map(\.name)), forced: ["solo"]) { s, _ in
        ["src", "solo"].contains(s.name) ? record : nil
    }
    #expect(plan.cached == ["src"])
    #expect(plan.units.map(\.name) == ["up", "solo", "count"])
    #expect(plan.units[0].after.isEmpty)
    #expect(plan.forced == ["solo"])
}

@Test func slurmPlanSubmitsDependantsOfSubmittedStagesEvenIfTheyLookCached() throws {
    let p = try SlurmProject(SlurmProject.diamond)
    let record = RunRecord(key: "k", stage: "x", kind: "shell", version: 1, params: .null, inputs: [:], outputs: [:],
                           started: "", seconds: 0, tool: "", host: "")
    // Everything but src has a record: all of it still waits for src's job.
    let plan = SlurmPlan.make(pipeline: p.pipeline, selected: Set(p.pipeline.stages.map(\.name)), forced: []) { s, _ in
        s.name == "src" ? nil : record
    }
    #expect(plan.units.count == 4)
    #expect(plan.cached.isEmpty)
}

@Test func slurmPlanFallsBackToSingleJobsWhenAnArrayWouldMakeACycle() throws {
    // a@1 -> b -> a@2: one array for `a` would wait for itself.
    let shell = RegisteredKind(ShellKind.self)
    func stage(_ name: String, _ base: String, _ deps: [String]) -> StageInstance {
        StageInstance(name: name, base: base, kind: shell, params: .null, deps: deps, resources: nil)
    }
    let stages = [stage("a@1", "a", []), stage("b", "b", ["a@1"]), stage("a@2", "a", ["b"])]
    #expect(SlurmPlan.grouped(stages, arrays: true) == nil)
    let units = try #require(SlurmPlan.grouped(stages, arrays: false))
    #expect(units.map(\.stages) == [["a@1"], ["b"], ["a@2"]])
    #expect(units.map(\.after) == [[], [SlurmPlan.Dependency(unit: 0)], [SlurmPlan.Dependency(unit: 1)]])
}
