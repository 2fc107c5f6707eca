/// e^x in Float without a libm call or a branch, so loops over it vectorise.
///
/// Maths (Cephes `expf` style): n = round(x / ln 2), r = x - n ln 2 with ln 2
/// split in two parts (Cody-Waite, n * part1 is exact), e^r by a degree-7
/// polynomial on |r| <= ln2/2, then scaled by 2^n built from exponent bits.
/// 2^n is applied as two factors 2^(n/2) * 2^(n - n/2) so results reach the
/// subnormal range and overflow to +inf like libm. Inputs are clamped to
/// [-104, 88.8] (e^-104 rounds to 0, e^88.8 overflows) so the bit tricks
/// never see out-of-range exponents; NaN stays NaN.
///
/// Accuracy: relative error below 2e-7 for normal results (tested against
/// Double `exp`). Determinism: only IEEE add, multiply, compare and integer
/// bit operations, no fused multiply-add, so the vector and scalar forms of a
/// loop give the same bits on every run and thread count. It differs from
/// libm's `expf` in the last bit for some inputs.
@inline(__always)
func vectorExp(_ x: Float) -> Float {
    var x = x > 88.8 ? 88.8 : x
    x = x < -104 ? -104 : x
    // Adding 1.5 * 2^23 rounds to an integer held in the low mantissa bits.
    let magic: Float = 12_582_912
    let t = x * 1.442_695_04 + magic
    let n = t - magic
    let ni = Int32(bitPattern: t.bitPattern) &- Int32(bitPattern: magic.bitPattern)
    var r = x - n * 0.693_359_375
    r = r - n * -2.121_944_40e-4
    let r2 = r * r
    var p: Float = 1.987_569_150_0e-4
    p = p * r + 1.398_199_950_7e-3
    p = p * r + 8.333_451_907_3e-3
    p = p * r + 4.166_579_589_4e-2
    p = p * r + 1.666_666_545_9e-1
    p = p * r + 5.000_000_120_1e-1
    p = p * r2 + r + 1
    let half = ni &>> 1
    let scale1 = Float(bitPattern: UInt32(bitPattern: (half &+ 127) &<< 23))
    let scale2 = Float(bitPattern: UInt32(bitPattern: (ni &- half &+ 127) &<< 23))
    return p * scale1 * scale2
}
