import Foundation
import Nets
import Report
import Workflow

/// Each activation function and its derivative sampled on a grid.
struct ActivationCurves: Codable, Sendable {
    struct Curve: Codable, Sendable {
        var activation: String
        var value: [Double]
        var derivative: [Double]
    }
    var x: [Double]
    var curves: [Curve]
}

/// `act-curves`: each listed activation and its derivative at `points` evenly
/// spaced x in [from, to] (both ends included), as the network computes them in
/// Float. The list is a parameter, so a new activation in `Nets` changes no key
/// until pipeline.json asks for it.
struct ActCurvesStage: StageKind {
    struct Params: Codable, Sendable {
        var activations: [ActivationKind]
        var from: Double
        var to: Double
        var points: Int
    }

    static let name = "act-curves"
    static let version = 1  // numerics changes: Numerics.version
    static let numeric = true
    static let summary = "each activation function and its derivative on a grid"

    func run(_ params: Params, in context: StageContext) throws {
        guard params.points >= 2, params.from < params.to else {
            throw StageError("params: expected points >= 2 and from < to, found points \(params.points), from \(params.from), to \(params.to)")
        }
        let step = (params.to - params.from) / Double(params.points - 1)
        let xs = (0..<params.points).map { params.from + Double($0) * step }
        guard !params.activations.isEmpty else { throw StageError("params: activations: expected at least one activation") }
        let curves = params.activations.map { kind -> ActivationCurves.Curve in
            let f = kind.function
            var values: [Double] = [], slopes: [Double] = []
            for x in xs {
                let xf = Float(x)
                let y = f.value(xf)
                values.append(Double(y))
                slopes.append(Double(f.derivative(x: xf, y: y)))
            }
            return .init(activation: kind.rawValue, value: values, derivative: slopes)
        }
        try Artifacts.write(ActivationCurves(x: xs, curves: curves), as: "act-curves.json", in: context)
    }
}

/// In the report: the order every section lists activations in, and a panel
/// of each function with its derivative.
extension ActCurvesStage: ReportContributor {
    static let reportFiles = ["act-curves.json"]

    static func loadReport(_ context: StageContext) throws -> ActivationCurves {
        try Artifacts.read(ActivationCurves.self, role: name, file: "act-curves.json", in: context)
    }

    static func shareFacts(_ curves: ActivationCurves, into report: inout ReportContext) {
        report.activationOrder = curves.curves.map(\.activation)
    }

    static func reportBlocks(_ curves: ActivationCurves, _ report: ReportContext) -> [ReportBlock] {
        let functions = curves.curves.map {
            FunctionCurve(name: ReportContext.displayName($0.activation), x: curves.x, value: $0.value, derivative: $0.derivative)
        }
        return [.text("## Activation functions\n"), .figure(.init(
            name: "activation-functions",
            caption: "The six activation functions (solid) and their derivatives (dashed) on [-5, 5].",
            figure: FunctionPanelsFigure(curves: functions, columns: 2)))]
    }
}
