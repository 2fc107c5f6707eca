/// One function sampled on a grid, with its derivative at the same points.
public struct FunctionCurve: Sendable, Equatable {
    public var name: String
    public var x: [Double]
    public var value: [Double]
    public var derivative: [Double]

    public init(name: String, x: [Double], value: [Double], derivative: [Double]) {
        self.name = name
        self.x = x
        self.value = value
        self.derivative = derivative
    }
}
