/// PyTorch's CPU generator (`at::CPUGeneratorImpl`): an MT19937 engine plus the cached
/// second Box–Muller samples PyTorch keeps for `normal_`.
///
/// - `init(seed:)` is `torch.manual_seed(seed)` (or `Generator().manual_seed(seed)`): a fresh
///   engine seeded with `seed & 0xffffffff` (the 64-bit seed is kept for `initialSeed`), caches cleared.
/// - `random32()` is one engine output; `random64()` is two, the first in the high half:
///   `UInt64(a) << 32 | UInt64(b)`.
/// - The ops in the extensions (`uniform`, `randperm`, `randomInt64Seed`) consume draws in exactly
///   PyTorch's order, so a sequence of calls here leaves the same state as the same calls in PyTorch.
///
/// A value type: copy it to fork the stream, store it to resume (`Codable`, or `serialized()`,
/// which is byte-for-byte `torch.get_rng_state()`). Not thread-safe to share mutably; each
/// owner mutates its own copy.
public struct TorchGenerator: Sendable, Equatable {
    var engine: MersenneTwister
    /// PyTorch's `next_float_normal_sample_`; nothing here fills it yet, but it is carried through state round trips.
    public internal(set) var nextFloatNormalSample: Float?
    /// PyTorch's `next_double_normal_sample_`; carried like `nextFloatNormalSample`.
    public internal(set) var nextDoubleNormalSample: Double?

    /// `torch.manual_seed(seed)`.
    public init(seed: UInt64) {
        engine = MersenneTwister(seed: seed)
        nextFloatNormalSample = nil
        nextDoubleNormalSample = nil
    }

    init(engine: MersenneTwister, nextFloatNormalSample: Float?, nextDoubleNormalSample: Double?) {
        self.engine = engine
        self.nextFloatNormalSample = nextFloatNormalSample
        self.nextDoubleNormalSample = nextDoubleNormalSample
    }

    /// The seed last given (`torch.initial_seed()`).
    public var initialSeed: UInt64 { engine.seed }

    /// One 32-bit engine output (`CPUGeneratorImpl::random()`).
    @inline(__always)
    public mutating func random32() -> UInt32 { engine.next32() }

    /// Two engine outputs, the first in the high 32 bits (`CPUGeneratorImpl::random64()`).
    @inline(__always)
    public mutating func random64() -> UInt64 {
        let high = engine.next32()
        let low = engine.next32()
        return UInt64(high) << 32 | UInt64(low)
    }

    /// `torch.empty((), dtype=torch.int64).random_().item()`, the seed a DataLoader iterator and a
    /// RandomSampler draw: `random64() % 2^63` (PyTorch's `uniform_int<int64_t>`), always non-negative,
    /// returned as the bit pattern later given to `manual_seed`.
    public mutating func randomInt64Seed() -> UInt64 {
        random64() & 0x7fff_ffff_ffff_ffff
    }
}
