import Foundation
import Report

/// The report's figures, built from its inputs. Each is a `.dat` and a `.gp`
/// under `figures/`, rendered to `.svg` when gnuplot is available.
enum ReportFigures {
    struct Entry {
        var name: String
        var caption: String
        var figure: any GnuplotFigure
    }

    static func all(_ inputs: ReportInputs) -> [Entry] {
        let acts = inputs.activations
        var entries: [Entry] = []

        let functions = inputs.actCurves.curves.map {
            FunctionCurve(name: ReportInputs.displayName($0.activation), x: inputs.actCurves.x,
                          value: $0.value, derivative: $0.derivative)
        }
        entries.append(.init(name: "activation-functions",
                             caption: "The six activation functions (solid) and their derivatives (dashed) on [-5, 5].",
                             figure: FunctionPanelsFigure(curves: functions, columns: 2)))

        let gradActs = inputs.initGradients.activations
        if let first = gradActs.first {
            entries.append(.init(
                name: "init-gradients",
                caption: "Weight gradients of every linear layer at initialisation (seed \(inputs.initGradients.seed), first \(inputs.initGradients.images) train-split images): histograms of 30 bins with a kernel-density line.",
                figure: HistogramGridFigure(
                    rows: gradActs.map { ReportInputs.displayName($0.activation) },
                    columns: first.layers.map { "\($0.name) (\($0.shape[0])x\($0.shape[1]))" },
                    samples: gradActs.map { inputs.gradientValues[$0.activation] ?? [] },
                    bins: 30, density: false, xLabel: "gradient")))
        }

        if let first = inputs.activationOutputs.first {
            entries.append(.init(
                name: "activation-distributions",
                caption: "Outputs of every layer but the last of each trained network (seed 42) on the first \(first.images) train-split images: density histograms of 50 bins with a kernel-density line. Even layers are linear outputs, odd layers the activations after them.",
                figure: HistogramGridFigure(
                    rows: inputs.activationOutputs.map { ReportInputs.displayName($0.activation) },
                    columns: first.layers.indices.map { "Layer \($0)" },
                    samples: inputs.activationOutputs.map(\.values),
                    bins: 50, density: true, xLabel: "output")))
        }

        let series = acts.map { act in
            CurveSeries(name: ReportInputs.displayName(act),
                        runs: inputs.curves.runs.filter { $0.activation == act }.map(\.validationAccuracy))
        }
        let seeds = Set(inputs.curves.runs.map(\.seed)).count
        entries.append(.init(
            name: "validation-curves",
            caption: "Validation accuracy per epoch: mean over \(seeds) seed\(seeds == 1 ? "" : "s"), band from the lowest to the highest seed. Runs stop at different epochs (early stopping).",
            figure: CurvesFigure(series: series, band: .minMax, yLabel: "validation accuracy (%)")))

        let d = inputs.deadNeurons
        func group(_ title: String, _ c: DeadNeuronCount) -> BarGroup {
            BarGroup(title: title, labels: c.counts.indices.map { "\($0 + 1)" }, values: c.counts.map(Double.init),
                     annotations: c.percent.map { NumberFormat.fixed($0, 1) + "%" })
        }
        entries.append(.init(
            name: "dead-neurons",
            caption: "Dead units per hidden layer (output exactly 0 for all \(d.images) train-split images), with the share of the layer's width.",
            figure: BarGroupsFigure(groups: [group("untrained ReLU", d.untrained), group("trained ReLU", d.trained),
                                             group("untrained deep ReLU", d.deepUntrained)],
                                    yLabel: "dead units", xLabel: "hidden layer")))

        let ex = inputs.examples
        entries.append(.init(
            name: "examples",
            caption: "The first \(ex.images.count) train-split images with their classes.",
            figure: ImageGridFigure(images: ex.images, titles: ex.classNames, columns: ex.columns)))
        return entries
    }
}
