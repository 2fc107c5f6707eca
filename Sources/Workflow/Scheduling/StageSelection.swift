/// The stages one run considers and those it reruns whatever the cache holds,
/// from the run's targets and force flags. The local and Slurm executors both
/// start from it.
///
/// `selected` is the upstream closure of the targets (and of the forced
/// stages), so every dep of a selected stage is selected. `forced` is the
/// targets with `--force`, or the targets and everything downstream of them
/// with `--force-downstream`.
public struct StageSelection: Sendable, Equatable {
    public let selected: Set<String>
    public let forced: Set<String>

    public init(selected: Set<String>, forced: Set<String>) {
        self.selected = selected; self.forced = forced
    }

    /// Resolves `options.targets` (empty means all); an unknown target is a `PipelineError`.
    public init(pipeline: Pipeline, options: RunOptions) throws {
        let targets = options.targets.isEmpty ? ["all"] : options.targets
        var named: [String] = []
        var seen = Set<String>()
        for t in targets { for n in try pipeline.resolve(target: t) where seen.insert(n).inserted { named.append(n) } }
        var forced = Set<String>()
        if options.forceDownstream { forced = Set(pipeline.downstreamClosure(of: named)) }
        else if options.force { forced = seen }
        self.init(selected: Set(pipeline.upstreamClosure(of: named + forced.sorted())), forced: forced)
    }
}
