/// One panel of bars: a label under each bar, its height, and optionally a
/// text printed above it (e.g. "3 (1.17%)").
public struct BarGroup: Sendable, Equatable {
    public var title: String
    public var labels: [String]
    public var values: [Double]
    public var annotations: [String]?

    public init(title: String, labels: [String], values: [Double], annotations: [String]? = nil) {
        self.title = title
        self.labels = labels
        self.values = values
        self.annotations = annotations
    }
}
