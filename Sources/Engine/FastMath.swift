/// exp(x) for Float by a Cephes-style polynomial that vectorizes (libm `expf` does not, which
/// makes SiLU 3x slower; shared/notes/platform.md §3). Relative error about 4e-7 on [-87, 88];
/// inputs are clamped there. Rounding uses the 1.5·2²³ trick, so no floor and no trapping
/// conversion block vectorization.
@inlinable @inline(__always)
public func fastExp(_ xIn: Float) -> Float {
    let x = min(max(xIn, -87.0), 88.0)
    let (e, t) = exponentParts(x)
    let ni = t.bitPattern &- Float(12_582_912.0).bitPattern
    return e * Float(bitPattern: (ni &+ 127) << 23)
}

/// `fastExp` eight values at a time, with the scalar's operations (so the same bits). Clamped by
/// masks: SIMD8's `clamped` compiles to out-of-line generic calls. NaN stays NaN.
@inlinable @inline(__always)
public func fastExp(_ xIn: SIMD8<Float>) -> SIMD8<Float> {
    var x = xIn
    x.replace(with: -87, where: x .< -87)
    x.replace(with: 88, where: x .> 88)
    let (e, t) = exponentParts(x)
    let ni = unsafeBitCast(t, to: SIMD8<UInt32>.self) &- Float(12_582_912.0).bitPattern
    return e * unsafeBitCast((ni &+ 127) &<< 23, to: SIMD8<Float>.self)
}

/// The arithmetic `fastExp` needs, so one body serves a Float and eight of them.
@usableFromInline protocol ExponentLanes {
    init(lanes value: Float)
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
}
extension Float: ExponentLanes {
    @inlinable init(lanes value: Float) { self = value }
}
extension SIMD8: ExponentLanes where Scalar == Float {
    @inlinable init(lanes value: Float) { self.init(repeating: value) }
}

/// For x in [−87, 88]: e^r with r = x − n·ln 2 (|r| ≤ ln 2 / 2, ln 2 in two parts), and t = n +
/// 1.5·2²³, whose low bits hold n.
@inlinable @inline(__always)
func exponentParts<T: ExponentLanes>(_ x: T) -> (mantissa: T, t: T) {
    let magic = T(lanes: 12_582_912.0)
    let t = x * T(lanes: 1.442_695_040_888_963_41) + magic
    let n = t - magic
    let r = x - n * T(lanes: 0.693_359_375) + n * T(lanes: 2.121_944_40e-4)
    let r2 = r * r
    var p = T(lanes: 1.987_569_150_0e-4)
    p = p * r + T(lanes: 1.398_199_950_7e-3)
    p = p * r + T(lanes: 8.333_451_907_3e-3)
    p = p * r + T(lanes: 4.166_579_589_4e-2)
    p = p * r + T(lanes: 1.666_666_545_9e-1)
    p = p * r + T(lanes: 5.000_000_120_1e-1)
    return (p * r2 + r + T(lanes: 1), t)
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
