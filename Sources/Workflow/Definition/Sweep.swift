/// `pipeline run --sweep`: every override whose value is a list becomes an
/// axis, and each point of their cartesian product is one experiment (first
/// axis outermost, values in the order written). To set a list-valued param
/// in a sweep, wrap it in another list (`[[512, 256]]`).
public enum Sweep {
    public static func points(_ overrides: [ParamOverride]) -> [[ParamOverride]] {
        var points: [[ParamOverride]] = [[]]
        for o in overrides {
            if case .array(let values) = o.value, !values.isEmpty {
                points = points.flatMap { p in values.map { p + [o.with(value: $0)] } }
            } else {
                points = points.map { $0 + [o] }
            }
        }
        return points
    }
}
