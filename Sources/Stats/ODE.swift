import CGSL

/// Adaptive integrators of GSL's odeiv2 driver (Prince & Dormand 8(7); Runge–Kutta–Fehlberg 4(5)).
public enum ODEMethod: String, CaseIterable, Codable, Sendable {
    case rk8pd, rkf45

    /// The one default of sampling, likelihoods and the integrator itself: at the tolerances used
    /// here (1e-4–1e-5) the embedded 4(5) pair needs fewer evaluations than the 8(9) one.
    public static var standard: ODEMethod { .rkf45 }
}

/// A failed integration: GSL's status, the time reached and the method.
public struct ODEError: Error, CustomStringConvertible {
    public let status: Int32
    public let time: Double
    public let method: ODEMethod
    public var description: String {
        "ODE solve with \(method.rawValue) failed at t = \(time): \(String(cString: gsl_strerror(status))) (GSL status \(status))"
    }
}

/// The right-hand side dy/dt = rhs(t, y) of an ODE system.
public typealias ODERightHandSide = (_ t: Double, _ y: UnsafePointer<Double>, _ dydt: UnsafeMutablePointer<Double>) -> Void

private final class RightHandSideBox {
    let rhs: ODERightHandSide
    var evaluations = 0
    init(_ rhs: @escaping ODERightHandSide) { self.rhs = rhs }
}

/// Integrates y from t0 to t1 (either direction) with GSL's adaptive driver and error control
/// |err| ≤ epsAbs + epsRel·|y|. Returns the number of right-hand-side evaluations; a failure (for
/// example a step size driven to zero) throws `ODEError` naming the time and method, never aborts.
public func integrateODE(
    _ y: inout [Double], from t0: Double, to t1: Double, method: ODEMethod = .standard, epsAbs: Double = 1e-8,
    epsRel: Double = 1e-8, initialStep: Double? = nil, rhs: @escaping ODERightHandSide
) throws -> Int {
    GSL.setup()
    let box = RightHandSideBox(rhs)
    let function: @convention(c) (Double, UnsafePointer<Double>?, UnsafeMutablePointer<Double>?, UnsafeMutableRawPointer?) -> Int32 = {
        t, y, dydt, params in
        let box = Unmanaged<RightHandSideBox>.fromOpaque(params!).takeUnretainedValue()
        box.evaluations += 1
        box.rhs(t, y!, dydt!)
        return Int32(GSL_SUCCESS)
    }
    let stepper = method == .rk8pd ? cgsl_odeiv2_step_rk8pd() : cgsl_odeiv2_step_rkf45()
    return try withExtendedLifetime(box) {
        var system = gsl_odeiv2_system(
            function: function, jacobian: nil, dimension: y.count,
            params: Unmanaged.passUnretained(box).toOpaque())
        let h = initialStep ?? (t1 - t0) * 1e-3
        guard let driver = gsl_odeiv2_driver_alloc_y_new(&system, stepper, h, epsAbs, epsRel) else {
            throw ODEError(status: Int32(GSL_ENOMEM), time: t0, method: method)
        }
        defer { gsl_odeiv2_driver_free(driver) }
        var t = t0
        let status = y.withUnsafeMutableBufferPointer { gsl_odeiv2_driver_apply(driver, &t, t1, $0.baseAddress) }
        guard status == Int32(GSL_SUCCESS) else { throw ODEError(status: status, time: t, method: method) }
        return box.evaluations
    }
}
