/// One named series of repeated runs: `runs[seed][epoch]`. Runs may differ
/// in length (early stopping ends some sooner).
public struct CurveSeries: Sendable, Equatable {
    public var name: String
    public var runs: [[Double]]

    public init(name: String, runs: [[Double]]) {
        self.name = name
        self.runs = runs
    }
}
