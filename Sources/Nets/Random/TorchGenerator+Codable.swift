/// `Codable` form: `{seed, state: [624 words], left, next, nextFloatNormalSample?, nextDoubleNormalSample?}`.
/// Decoding validates like `init(serialized:)` and reports the offending key in a `DecodingError`.
extension TorchGenerator: Codable {
    enum CodingKeys: String, CodingKey {
        case seed, state, left, next, nextFloatNormalSample, nextDoubleNormalSample
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let seed = try c.decode(UInt64.self, forKey: .seed)
        let state = try c.decode([UInt32].self, forKey: .state)
        let left = try c.decode(Int32.self, forKey: .left)
        let next = try c.decode(UInt32.self, forKey: .next)
        guard state.count == MersenneTwister.stateCount else {
            throw DecodingError.dataCorruptedError(forKey: .state, in: c,
                debugDescription: "TorchGenerator state: expected 624 words, found \(state.count)")
        }
        guard left >= 1 && left <= 624 else {
            throw DecodingError.dataCorruptedError(forKey: .left, in: c,
                debugDescription: "TorchGenerator left: expected a value in 1...624, found \(left)")
        }
        guard next <= 624 else {
            throw DecodingError.dataCorruptedError(forKey: .next, in: c,
                debugDescription: "TorchGenerator next: expected a value in 0...624, found \(next)")
        }
        self.init(engine: MersenneTwister(seed: seed, state: state, left: left, next: next),
                  nextFloatNormalSample: try c.decodeIfPresent(Float.self, forKey: .nextFloatNormalSample),
                  nextDoubleNormalSample: try c.decodeIfPresent(Double.self, forKey: .nextDoubleNormalSample))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(engine.seed, forKey: .seed)
        try c.encode(engine.state, forKey: .state)
        try c.encode(engine.left, forKey: .left)
        try c.encode(engine.next, forKey: .next)
        try c.encodeIfPresent(nextFloatNormalSample, forKey: .nextFloatNormalSample)
        try c.encodeIfPresent(nextDoubleNormalSample, forKey: .nextDoubleNormalSample)
    }
}
