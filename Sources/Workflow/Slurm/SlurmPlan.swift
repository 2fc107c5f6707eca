/// Which stages a Slurm run submits, grouped into jobs, with the jobs each one
/// waits for.
///
/// A selected stage is submitted when it is forced, stale, or reads a stage that
/// is submitted (its key is unknown until that job has run: its job may still
/// find it cached, at the cost of a short job). Other selected stages are
/// cached and submit nothing. The instances of one matrix template that are
/// submitted together become one job array (task i runs `stages[i]`, in
/// pipeline order) unless that would create a cycle between jobs, as when one
/// instance reads another through a third template; then every stage is its
/// own job. `units` are in submission order: every unit comes after the units
/// it depends on. Deterministic: the same pipeline and store give the same plan.
public struct SlurmPlan: Sendable, Equatable {
    /// One sbatch submission: one stage, or a job array over instances of one template.
    public struct Unit: Sendable, Equatable {
        /// Stage names; more than one means a job array, task i = stages[i].
        public var stages: [String]
        /// Name for the job, script and log: the stage, or the template of an array.
        public var name: String
        /// Producers this unit waits for: (unit index, array task or nil for a whole single-stage job).
        public var after: [Dependency]
        public var isArray: Bool { stages.count > 1 }
    }

    /// An `afterok` target: the job of unit `unit`, or task `task` of that array.
    public struct Dependency: Sendable, Equatable, Hashable {
        public var unit: Int
        public var task: Int?
    }

    public var units: [Unit]
    /// Selected stages that are cached and need no job, in pipeline order.
    public var cached: [String]
    /// Stages whose job must rerun them even if cached (`--force`).
    public var forced: Set<String>

    /// Plans `selected` stages of `pipeline`; `evaluate` gives a stage's cached
    /// record given its deps' records (the engine's `Planner.evaluate`).
    public static func make(pipeline: Pipeline, selected: Set<String>, forced: Set<String>,
                            evaluate: (StageInstance, [String: RunRecord]) -> RunRecord?) -> SlurmPlan {
        var results: [String: RunRecord] = [:]
        var submit: [StageInstance] = []
        var submitted = Set<String>()
        var cached: [String] = []
        for s in pipeline.stages where selected.contains(s.name) {
            if !forced.contains(s.name), !s.deps.contains(where: submitted.contains), let r = evaluate(s, results) {
                results[s.name] = r
                cached.append(s.name)
            } else {
                submit.append(s)
                submitted.insert(s.name)
            }
        }
        let units = grouped(submit, arrays: true) ?? grouped(submit, arrays: false) ?? []
        return SlurmPlan(units: units, cached: cached, forced: forced.intersection(submitted))
    }

    /// Units in dependency order, or nil when grouping by template makes a cycle.
    static func grouped(_ stages: [StageInstance], arrays: Bool) -> [Unit]? {
        // Group by template, in order of first appearance.
        var groups: [[StageInstance]] = []
        var groupOf: [String: Int] = [:]
        var groupOfBase: [String: Int] = [:]
        for s in stages {
            if arrays, let g = groupOfBase[s.base] {
                groups[g].append(s)
                groupOf[s.name] = g
            } else {
                groupOfBase[s.base] = groups.count
                groupOf[s.name] = groups.count
                groups.append([s])
            }
        }
        // Kahn's algorithm over groups; ties broken by first appearance.
        let needs: [Set<Int>] = groups.map { g in Set(g.flatMap(\.deps).compactMap { groupOf[$0] }) }
        for i in needs.indices where needs[i].contains(i) { return nil }
        var order: [Int] = []
        var done = Set<Int>()
        while order.count < groups.count {
            guard let next = groups.indices.first(where: { !done.contains($0) && needs[$0].isSubset(of: done) }) else { return nil }
            order.append(next)
            done.insert(next)
        }
        var unitOf: [Int: Int] = [:]
        for (u, g) in order.enumerated() { unitOf[g] = u }
        return order.map { g in
            let members = groups[g]
            var after: [Dependency] = []
            for d in members.flatMap(\.deps) {
                guard let pg = groupOf[d], let pu = unitOf[pg] else { continue }  // cached producer
                let producers = groups[pg]
                let dep = Dependency(unit: pu, task: producers.count > 1 ? producers.firstIndex { $0.name == d } : nil)
                if !after.contains(dep) { after.append(dep) }
            }
            let name = members.count > 1 ? members[0].base : members[0].name
            return Unit(stages: members.map(\.name), name: name, after: after)
        }
    }
}
