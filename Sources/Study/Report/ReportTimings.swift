import Report

/// `timings.md`: how long each stage behind the report took, from the run
/// records, each training run's seconds per epoch, and the machine the report
/// was built on. Wall-clock and host facts, so they live outside report.md.
struct ReportTimings {
    var inputs: ReportInputs
    var environment: RunEnvironment
    var pipelineHash: String
    var toolVersion: String

    func render() -> String {
        var stages = MarkdownTable(headers: ["stage", "seconds"], alignments: [.left, .right])
        var total = 0.0
        for s in inputs.stageSeconds {
            total += s.seconds ?? 0
            try? stages.addRow([s.stage, s.seconds.map { NumberFormat.fixed($0, 1) } ?? "–"])
        }
        var epochs = MarkdownTable(headers: ["training stage", "epochs", "seconds per epoch (median)", "threads"],
                                   alignments: [.left, .right, .right, .right])
        for t in inputs.trainTimings {
            let sorted = t.timing.epochSeconds.sorted()
            let median = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
            try? epochs.addRow([t.stage, "\(sorted.count)", NumberFormat.fixed(median, 2), t.timing.threadsDescription])
        }
        return """
        # Stage timings

        Wall-clock seconds of the runs that produced the report's inputs (from their run records): \
        \(NumberFormat.fixed(total / 60, 1)) minutes of stage time in all; the run took less where stages ran in parallel.

        \(stages.render())

        ## Training

        \(epochs.render())

        ## Machine

        | | |
        |---|---|
        | CPU | \(environment.cpu) (\(environment.cores) cores) |
        | BLAS | \(environment.blas) |
        | tool | \(toolVersion) |
        | pipeline.json | sha256 `\(pipelineHash)` (when this report was built) |
        """
    }
}
