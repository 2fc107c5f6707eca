#ifndef CORE_SCALING_H
#define CORE_SCALING_H

/// A loop of register-only multiply-adds, with no memory traffic at all:
/// `rounds` times, 80 single-precision lanes (10 independent 8-wide
/// accumulators, enough to cover the FMA latency) each become a * m + c.
/// Returns the sum of every lane at the end (so the work cannot be dropped);
/// with m = 1 and c = 1 each lane counts the rounds exactly, so the result is
/// 80 * rounds (exact while that stays below 2^24).
///
/// Uses AVX2 FMA when the CPU has it (`core_scaling_uses_fma`), else the
/// same arithmetic as separate multiplies and adds. Its speed on N threads at
/// once, against one, is how far the machine's cores scale for pure
/// arithmetic, the most any N-thread code can reach on them.
float core_scaling_multiply_adds(long rounds, float m, float c);

/// 1 when `core_scaling_multiply_adds` runs AVX2 FMA, 0 when it falls back.
int core_scaling_uses_fma(void);

#endif
