/// The 32-bit Mersenne Twister (MT19937) exactly as PyTorch's `at::mt19937` runs it.
///
/// Seeding (`init(seed:)`): only the low 32 bits of the 64-bit seed enter the state,
/// `s[0] = seed & 0xffffffff`, `s[j] = 1812433253 * (s[j-1] ^ (s[j-1] >> 30)) + j` (mod 2^32);
/// the full 64-bit seed is remembered (`seed`) as PyTorch's `initial_seed()` reports it.
/// `left` starts at 1 and `next` at 0, so the first draw regenerates the whole block first,
/// as PyTorch does; the output stream equals `std::mt19937` seeded with `seed & 0xffffffff`.
///
/// A value type: copying it forks the stream. Not shared between threads (each owner mutates its own copy).
public struct MersenneTwister: Sendable, Equatable {
    static let stateCount = 624
    static let shift = 397

    /// The seed given to `init(seed:)`, all 64 bits.
    public internal(set) var seed: UInt64
    /// The 624 words of state, in PyTorch's order.
    public internal(set) var state: [UInt32]
    /// Draws left before the next regeneration, plus one (PyTorch's `left_`, in 1...624).
    public internal(set) var left: Int32
    /// Index of the next state word to temper (PyTorch's `next_`, in 0...624).
    public internal(set) var next: UInt32

    public init(seed: UInt64) {
        var words = [UInt32](repeating: 0, count: Self.stateCount)
        words[0] = UInt32(truncatingIfNeeded: seed)
        for j in 1..<Self.stateCount {
            let previous = words[j - 1]
            words[j] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(j)
        }
        self.seed = seed
        self.state = words
        self.left = 1
        self.next = 0
    }

    /// Restores a state taken from another engine (or from PyTorch); the caller has validated the ranges.
    init(seed: UInt64, state: [UInt32], left: Int32, next: UInt32) {
        self.seed = seed
        self.state = state
        self.left = left
        self.next = next
    }

    /// The next 32-bit output (PyTorch's `operator()`).
    @inline(__always)
    public mutating func next32() -> UInt32 {
        left -= 1
        if left == 0 { regenerate() }
        var y = state[Int(next)]
        next += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    /// Computes the next block of 624 words in place (the "twist").
    private mutating func regenerate() {
        let n = Self.stateCount, m = Self.shift
        state.withUnsafeMutableBufferPointer { s in
            for k in 0..<n {
                let mixed = (s[k] & 0x8000_0000) | (s[(k + 1) % n] & 0x7fff_ffff)
                let twisted = (mixed >> 1) ^ ((s[(k + 1) % n] & 1) != 0 ? 0x9908_b0df : 0)
                s[k] = s[(k + m) % n] ^ twisted
            }
        }
        left = Int32(n)
        next = 0
    }
}
