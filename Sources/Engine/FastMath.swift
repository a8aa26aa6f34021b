/// exp(x) for Float by a Cephes-style polynomial that vectorizes (libm `expf` does not, which
/// makes SiLU 3x slower; shared/notes/platform.md §3). Relative error about 4e-7 on [-87, 88];
/// inputs are clamped there. Rounding uses the 1.5·2²³ trick, so no floor and no trapping
/// conversion block vectorization.
@inlinable @inline(__always)
public func fastExp(_ xIn: Float) -> Float {
    let x = min(max(xIn, -87.0), 88.0)
    let magic: Float = 12_582_912.0
    let t = x * 1.442_695_040_888_963_41 + magic
    let n = t - magic
    let r = x - n * 0.693_359_375 + n * 2.121_944_40e-4
    let r2 = r * r
    var p: Float = 1.987_569_150_0e-4
    p = p * r + 1.398_199_950_7e-3
    p = p * r + 8.333_451_907_3e-3
    p = p * r + 4.166_579_589_4e-2
    p = p * r + 1.666_666_545_9e-1
    p = p * r + 5.000_000_120_1e-1
    let e = p * r2 + r + 1
    let ni = t.bitPattern &- magic.bitPattern
    return e * Float(bitPattern: (ni &+ 127) << 23)
}

/// The logistic sigmoid 1 / (1 + e^(−x)) through `fastExp`.
@inlinable @inline(__always)
public func fastSigmoid(_ x: Float) -> Float { 1 / (1 + fastExp(-x)) }

/// √x for x ≥ 0 that vectorizes (`Float.squareRoot()` lowers to libm `sqrtf` with errno here,
/// which keeps loops scalar): the bit-level inverse square-root estimate (Lomont 2003,
/// constant 0x5f375a86, 0.175% error after one step) refined by three Newton steps
/// y ← y(1.5 − ½xy²), times x. Relative error below 1e-6 on normal floats; exactly 0 at 0.
@inlinable @inline(__always)
public func fastSquareRoot(_ x: Float) -> Float {
    var y = Float(bitPattern: 0x5f37_5a86 &- (x.bitPattern >> 1))
    let half = 0.5 * x
    y = y * (1.5 - half * y * y)
    y = y * (1.5 - half * y * y)
    y = y * (1.5 - half * y * y)
    return x * y
}
