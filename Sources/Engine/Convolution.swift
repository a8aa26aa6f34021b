import CDNNL
import Foundation

/// The geometry of a 2-D convolution as PyTorch's `Conv2d` defines it: input [n, c, h, w] (NCHW,
/// or [n, h, w, c] in NHWC), weights [o, c, kh, kw] (OIHW, PyTorch's layout, in either case),
/// bias [o], the same stride and zero padding on both axes; output [n, o, (h + 2p − kh)/s + 1,
/// (w + 2p − kw)/s + 1] in the input's layout.
public struct ConvolutionGeometry: Hashable, Sendable, CustomStringConvertible {
    public var batch, inChannels, height, width, outChannels, kernelHeight, kernelWidth, stride, padding: Int
    public var hasBias: Bool
    public var layout: ImageLayout

    public init(input: [Int], weight: [Int], stride: Int, padding: Int, hasBias: Bool, layout: ImageLayout = .nchw) {
        precondition(
            input.count == layout.rank && weight.count == 4,
            "conv2d: need a rank-\(layout.rank) input (\(layout.rawValue)) and weight [o, c, kh, kw], got \(input) and \(weight)")
        (batch, inChannels, height, width) = layout.dimensions(input)
        precondition(inChannels == weight[1], "conv2d: input \(input) (\(layout.rawValue)) has \(inChannels) channels, weight \(weight) expects \(weight[1])")
        precondition(stride >= 1 && padding >= 0, "conv2d: stride must be ≥ 1 and padding ≥ 0, got \(stride) and \(padding)")
        (outChannels, kernelHeight, kernelWidth) = (weight[0], weight[2], weight[3])
        (self.stride, self.padding, self.hasBias, self.layout) = (stride, padding, hasBias, layout)
        precondition(
            layout.holds(channels: inChannels) && layout.holds(channels: outChannels),
            "conv2d: \(inChannels) → \(outChannels) channels do not fill whole blocks of \(ImageLayout.channelBlock)")
        precondition(
            outHeight >= 1 && outWidth >= 1, "conv2d: kernel \(kernelHeight)×\(kernelWidth) does not fit input \(height)×\(width) with padding \(padding)")
    }

    public var outHeight: Int { (height + 2 * padding - kernelHeight) / stride + 1 }
    public var outWidth: Int { (width + 2 * padding - kernelWidth) / stride + 1 }
    /// The input's and output's shapes in the geometry's layout.
    public var inputShape: [Int] { layout.shape(batch: batch, channels: inChannels, height: height, width: width) }
    public var weightShape: [Int] { [outChannels, inChannels, kernelHeight, kernelWidth] }
    public var outputShape: [Int] { layout.shape(batch: batch, channels: outChannels, height: outHeight, width: outWidth) }
    /// oneDNN's logical dimensions (always n, c, h, w; the layout is the memory's format tag).
    var logicalInput: [Int] { [batch, inChannels, height, width] }
    var logicalOutput: [Int] { [batch, outChannels, outHeight, outWidth] }
    /// Multiply-adds × 2 of the forward pass.
    public var flops: Int { 2 * batch * outChannels * outHeight * outWidth * inChannels * kernelHeight * kernelWidth }

    public var description: String {
        "conv2d \(inputShape) (\(layout.rawValue)) * \(weightShape), stride \(stride), padding \(padding)\(hasBias ? ", bias" : "")"
    }
}

/// How oneDNN computes a convolution's forward pass and input gradient: `direct` (the sum as
/// written; PyTorch's choice) or `winograd` — minimal filtering F(4×4, 3×3) (Lavin & Gray 2016), 36
/// multiplies per 16 outputs and input channel instead of 144, with rounding errors of the order of
/// 1e-6 relative. oneDNN has it for 3×3, stride 1, channels in whole blocks of 16, on AVX-512; a plan
/// falls back to direct elsewhere. Weight gradients are always direct.
public enum ConvolutionAlgorithm: String, CaseIterable, Sendable, Hashable {
    case direct, winograd
}

/// A user buffer (plain layout) and, when the primitive prefers another layout, the oneDNN memory
/// in that layout and the reorders between them.
final class Staged {
    let user: dnnl_memory_t
    let inner: dnnl_memory_t?
    let toInner: dnnl_primitive_t?
    let fromInner: dnnl_primitive_t?

    init(user userMD: dnnl_memory_desc_t, preferred: UnsafePointer<dnnl_memory_desc_t>, what: String) throws {
        var userMD = userMD
        var u: dnnl_memory_t?
        try DNNL.check(dnnl_memory_create(&u, &userMD, DNNL.engine, nil), "\(what): user memory")
        user = u!
        if dnnl_memory_desc_equal(&userMD, preferred) != 0 {
            (inner, toInner, fromInner) = (nil, nil, nil)
            return
        }
        var m: dnnl_memory_t?
        try DNNL.check(dnnl_memory_create(&m, preferred, DNNL.engine, UnsafeMutableRawPointer(bitPattern: -1)), "\(what): staging memory")
        inner = m!
        func reorder(_ from: UnsafePointer<dnnl_memory_desc_t>, _ to: UnsafePointer<dnnl_memory_desc_t>) throws -> dnnl_primitive_t {
            var pd: dnnl_primitive_desc_t?
            try DNNL.check(dnnl_reorder_primitive_desc_create(&pd, from, DNNL.engine, to, DNNL.engine, nil), "\(what): reorder")
            defer { dnnl_primitive_desc_destroy(pd) }
            var p: dnnl_primitive_t?
            try DNNL.check(dnnl_primitive_create(&p, pd), "\(what): reorder")
            return p!
        }
        toInner = try reorder(&userMD, preferred)
        fromInner = try reorder(preferred, &userMD)
    }

    /// The memory the primitive reads or writes.
    var memory: dnnl_memory_t { inner ?? user }

    /// Points the user memory at `pointer`; copies it into the primitive's layout if that differs.
    func load(_ pointer: UnsafeRawPointer, what: String) throws {
        try DNNL.check(dnnl_memory_set_data_handle(user, UnsafeMutableRawPointer(mutating: pointer)), "\(what): set buffer")
        if let toInner, let inner { try DNNL.execute(toInner, [(DNNL_ARG_FROM, user), (DNNL_ARG_TO, inner)], what) }
    }

    /// Points the user memory at `pointer` for a result.
    func bind(_ pointer: UnsafeMutableRawPointer, what: String) throws {
        try DNNL.check(dnnl_memory_set_data_handle(user, pointer), "\(what): set buffer")
    }

    /// Copies a result from the primitive's layout into the user buffer bound with `bind`.
    func store(what: String) throws {
        if let fromInner, let inner { try DNNL.execute(fromInner, [(DNNL_ARG_FROM, inner), (DNNL_ARG_TO, user)], what) }
    }

    deinit {
        dnnl_memory_destroy(user)
        if let inner { dnnl_memory_destroy(inner) }
        if let toInner { dnnl_primitive_destroy(toInner) }
        if let fromInner { dnnl_primitive_destroy(fromInner) }
    }
}

extension DNNL {
    /// Runs `primitive` with `arguments` and waits for it.
    static func execute(_ primitive: dnnl_primitive_t, _ arguments: [(Int32, dnnl_memory_t)], _ what: @autoclosure () -> String) throws {
        let args = arguments.map { dnnl_exec_arg_t(arg: $0.0, memory: $0.1) }
        try check(dnnl_primitive_execute(primitive, stream, Int32(args.count), args), what())
        try check(dnnl_stream_wait(stream), what())
    }

    /// A plain (row-major) f32 memory descriptor with `tag`.
    static func descriptor(_ shape: [Int], _ tag: dnnl_format_tag_t) throws -> dnnl_memory_desc_t {
        var md = dnnl_memory_desc_t()
        let dims = shape.map(Int64.init)
        try check(dnnl_memory_desc_init_by_tag(&md, Int32(dims.count), dims, dnnl_f32, tag), "memory descriptor \(shape)")
        return md
    }

    /// The primitive descriptor of an operation descriptor.
    static func primitiveDescriptor<Op>(_ op: inout Op, hint: dnnl_primitive_desc_t?, _ what: String) throws -> dnnl_primitive_desc_t {
        var pd: dnnl_primitive_desc_t?
        try withUnsafePointer(to: &op) { try check(dnnl_primitive_desc_create(&pd, UnsafeRawPointer($0), nil, engine, hint), what) }
        return pd!
    }

    static func primitive(_ pd: dnnl_primitive_desc_t, _ what: String) throws -> dnnl_primitive_t {
        var p: dnnl_primitive_t?
        try check(dnnl_primitive_create(&p, pd), what)
        return p!
    }

    /// The name of the kernel oneDNN chose (jit:avx512_core, brg:avx2, …): it follows the CPU.
    static func implementation(_ pd: dnnl_primitive_desc_t) -> String {
        var name: UnsafePointer<CChar>?
        guard dnnl_primitive_desc_query(pd, dnnl_query_impl_info_str, 0, &name) == dnnl_success, let name else { return "?" }
        return String(cString: name)
    }
}

/// The three oneDNN primitives of one convolution geometry — forward (with bias), backward data and
/// backward weights (with bias) — on NHWC or blocked activations as they are, or on NCHW ones
/// through reorders to oneDNN's preferred layout; weights reordered from OIHW to the kernel's
/// layout. Built once per geometry and algorithm and cached.
public final class ConvolutionPlan: @unchecked Sendable {
    public let geometry: ConvolutionGeometry
    /// The kernels chosen for forward, backward data and backward weights.
    public let implementations: [String]
    let forward, backwardData, backwardWeights: dnnl_primitive_t
    let pds: [dnnl_primitive_desc_t]
    // Forward operands.
    let src, weights, dst: Staged
    let bias: dnnl_memory_t?
    // Backward-data operands.
    let diffDst, weightsForData, diffSrc: Staged
    // Backward-weights operands.
    let srcForWeights, diffDstForWeights, diffWeights: Staged
    let diffBias: dnnl_memory_t?
    /// Serializes use of the staging buffers.
    let lock = NSLock()

    init(_ g: ConvolutionGeometry, algorithm: ConvolutionAlgorithm) throws {
        geometry = g
        let what = g.description
        let srcUser = try DNNL.descriptor(g.logicalInput, g.layout.tag)
        let weightsUser = try DNNL.descriptor(g.weightShape, dnnl_oihw)
        let dstUser = try DNNL.descriptor(g.logicalOutput, g.layout.tag)
        var biasMD = try DNNL.descriptor([g.outChannels], dnnl_x)
        // NCHW activations get oneDNN's preferred layout and reorders; NHWC and blocked ones are used
        // as they are (reorders would cost more than a kernel's layout preference). Weights always
        // take the preferred layout.
        let srcAny = g.layout == .nchw ? try DNNL.descriptor(g.logicalInput, dnnl_format_tag_any) : srcUser
        var weightsAny = try DNNL.descriptor(g.weightShape, dnnl_format_tag_any)
        let dstAny = g.layout == .nchw ? try DNNL.descriptor(g.logicalOutput, dnnl_format_tag_any) : dstUser
        let strides: [Int64] = [Int64(g.stride), Int64(g.stride)]
        let padding: [Int64] = [Int64(g.padding), Int64(g.padding)]
        // oneDNN's right padding makes the output size exact: (h + pl + pr − kh)/s + 1 = out.
        let padRight: [Int64] = [
            Int64((g.outHeight - 1) * g.stride + g.kernelHeight - g.height - g.padding),
            Int64((g.outWidth - 1) * g.stride + g.kernelWidth - g.width - g.padding),
        ]
        func forwardPD(_ kind: dnnl_alg_kind_t) throws -> dnnl_primitive_desc_t {
            var (srcDesc, dstDesc) = (srcAny, dstAny)
            var fd = dnnl_convolution_desc_t()
            try DNNL.check(
                g.hasBias
                    ? dnnl_convolution_forward_desc_init(&fd, dnnl_forward_training, kind, &srcDesc, &weightsAny, &biasMD, &dstDesc, strides, padding, padRight)
                    : dnnl_convolution_forward_desc_init(&fd, dnnl_forward_training, kind, &srcDesc, &weightsAny, nil, &dstDesc, strides, padding, padRight),
                "\(what): forward descriptor")
            return try DNNL.primitiveDescriptor(&fd, hint: nil, "\(what): forward")
        }
        // Winograd on blocked activations where oneDNN has it (it declines other geometries and
        // CPUs). Not on NHWC: the reorders to and from its blocked layout cost more than it saves
        // (W3 step 350 → 375–400 ms, measured).
        let winogradPD = algorithm == .winograd && g.layout == .blocked
            ? try? forwardPD(dnnl_convolution_winograd) : nil
        let fpd = try winogradPD ?? forwardPD(dnnl_convolution_direct)
        let dataKind = winogradPD == nil ? dnnl_convolution_direct : dnnl_convolution_winograd
        var (srcDesc, dstDesc) = (srcAny, dstAny)
        var dd = dnnl_convolution_desc_t()
        try DNNL.check(
            dnnl_convolution_backward_data_desc_init(&dd, dataKind, &srcDesc, &weightsAny, &dstDesc, strides, padding, padRight),
            "\(what): backward-data descriptor")
        let dpd = try DNNL.primitiveDescriptor(&dd, hint: fpd, "\(what): backward data")
        // Backward weights stays direct: Winograd's was no faster on the W3 shapes (95 ms a step
        // against direct's 90, measured).
        let directPD = winogradPD == nil ? fpd : try forwardPD(dnnl_convolution_direct)
        defer { if directPD != fpd { dnnl_primitive_desc_destroy(directPD) } }
        var wd = dnnl_convolution_desc_t()
        try DNNL.check(
            g.hasBias
                ? dnnl_convolution_backward_weights_desc_init(
                    &wd, dnnl_convolution_direct, &srcDesc, &weightsAny, &biasMD, &dstDesc, strides, padding, padRight)
                : dnnl_convolution_backward_weights_desc_init(
                    &wd, dnnl_convolution_direct, &srcDesc, &weightsAny, nil, &dstDesc, strides, padding, padRight),
            "\(what): backward-weights descriptor")
        let wpd = try DNNL.primitiveDescriptor(&wd, hint: directPD, "\(what): backward weights")
        pds = [fpd, dpd, wpd]
        implementations = pds.map(DNNL.implementation)
        forward = try DNNL.primitive(fpd, "\(what): forward")
        backwardData = try DNNL.primitive(dpd, "\(what): backward data")
        backwardWeights = try DNNL.primitive(wpd, "\(what): backward weights")

        func md(_ pd: dnnl_primitive_desc_t, _ q: dnnl_query_t) -> UnsafePointer<dnnl_memory_desc_t> { dnnl_primitive_desc_query_md(pd, q, 0) }
        src = try Staged(user: srcUser, preferred: md(fpd, dnnl_query_src_md), what: "\(what): input")
        weights = try Staged(user: weightsUser, preferred: md(fpd, dnnl_query_weights_md), what: "\(what): weights")
        dst = try Staged(user: dstUser, preferred: md(fpd, dnnl_query_dst_md), what: "\(what): output")
        diffDst = try Staged(user: dstUser, preferred: md(dpd, dnnl_query_diff_dst_md), what: "\(what): output gradient")
        weightsForData = try Staged(user: weightsUser, preferred: md(dpd, dnnl_query_weights_md), what: "\(what): weights")
        diffSrc = try Staged(user: srcUser, preferred: md(dpd, dnnl_query_diff_src_md), what: "\(what): input gradient")
        srcForWeights = try Staged(user: srcUser, preferred: md(wpd, dnnl_query_src_md), what: "\(what): input")
        diffDstForWeights = try Staged(user: dstUser, preferred: md(wpd, dnnl_query_diff_dst_md), what: "\(what): output gradient")
        diffWeights = try Staged(user: weightsUser, preferred: md(wpd, dnnl_query_diff_weights_md), what: "\(what): weight gradient")
        if g.hasBias {
            var b: dnnl_memory_t?, db: dnnl_memory_t?
            // oneDNN owns the (small) bias buffers; values are copied in and out.
            try DNNL.check(dnnl_memory_create(&b, &biasMD, DNNL.engine, UnsafeMutableRawPointer(bitPattern: -1)), "\(what): bias")
            try DNNL.check(dnnl_memory_create(&db, &biasMD, DNNL.engine, UnsafeMutableRawPointer(bitPattern: -1)), "\(what): bias gradient")
            (bias, diffBias) = (b, db)
        } else {
            (bias, diffBias) = (nil, nil)
        }
    }

    deinit {
        for p in [forward, backwardData, backwardWeights] { dnnl_primitive_destroy(p) }
        for pd in pds { dnnl_primitive_desc_destroy(pd) }
        if let bias { dnnl_memory_destroy(bias) }
        if let diffBias { dnnl_memory_destroy(diffBias) }
    }

    /// A result of `shape` that oneDNN writes through the pointer `body` gets (no zero fill first).
    func produce(_ shape: [Int], _ body: (UnsafeMutableRawPointer) throws -> Void) throws -> Tensor {
        var failure: (any Error)?
        let t = Tensor(shape: shape) { buffer in
            do { try body(UnsafeMutableRawPointer(buffer.baseAddress!)) } catch {
                buffer.initialize(repeating: 0)
                failure = error
            }
        }
        if let failure { throw failure }
        return t
    }

    /// The storage of a oneDNN-owned memory of `count` floats.
    func storage(_ memory: dnnl_memory_t, _ count: Int) throws -> UnsafeMutableBufferPointer<Float> {
        var handle: UnsafeMutableRawPointer?
        try DNNL.check(dnnl_memory_get_data_handle(memory, &handle), "\(geometry): bias buffer")
        return UnsafeMutableBufferPointer(start: handle!.assumingMemoryBound(to: Float.self), count: count)
    }

    /// y = x ⋆ W + b.
    public func forward(_ x: Tensor, weight: Tensor, bias b: Tensor?) throws -> Tensor {
        precondition(x.shape == geometry.inputShape && weight.shape == geometry.weightShape && (b == nil) == !geometry.hasBias)
        lock.lock()
        defer { lock.unlock() }
        let what = geometry.description
        var args = [(DNNL_ARG_SRC, src.memory), (DNNL_ARG_WEIGHTS, weights.memory), (DNNL_ARG_DST, dst.memory)]
        if let b, let bias {
            _ = try storage(bias, b.count).update(fromContentsOf: b.scalars)
            args.append((DNNL_ARG_BIAS, bias))
        }
        // The user memories point into the arrays, so the primitive runs while their pointers are valid.
        return try x.scalars.withUnsafeBufferPointer { px in
            try weight.scalars.withUnsafeBufferPointer { pw in
                try src.load(px.baseAddress!, what: what)
                try weights.load(pw.baseAddress!, what: what)
                return try produce(geometry.outputShape) { py in
                    try dst.bind(py, what: what)
                    try DNNL.execute(forward, args, "\(what): forward")
                    try dst.store(what: what)
                }
            }
        }
    }

    /// ∂x = ∂y ⋆ᵀ W (the transposed convolution of the output gradient).
    public func inputGradient(_ dy: Tensor, weight: Tensor) throws -> Tensor {
        precondition(dy.shape == geometry.outputShape && weight.shape == geometry.weightShape)
        lock.lock()
        defer { lock.unlock() }
        let what = geometry.description
        return try dy.scalars.withUnsafeBufferPointer { pdy in
            try weight.scalars.withUnsafeBufferPointer { pw in
                try diffDst.load(pdy.baseAddress!, what: what)
                try weightsForData.load(pw.baseAddress!, what: what)
                return try produce(geometry.inputShape) { pdx in
                    try diffSrc.bind(pdx, what: what)
                    try DNNL.execute(
                        backwardData,
                        [(DNNL_ARG_DIFF_DST, diffDst.memory), (DNNL_ARG_WEIGHTS, weightsForData.memory), (DNNL_ARG_DIFF_SRC, diffSrc.memory)],
                        "\(what): backward data")
                    try diffSrc.store(what: what)
                }
            }
        }
    }

    /// ∂W = Σ over the batch and positions of ∂y ⊗ x patches, and ∂b = Σ ∂y over all but channels.
    public func weightGradient(_ x: Tensor, _ dy: Tensor) throws -> (weight: Tensor, bias: Tensor?) {
        precondition(x.shape == geometry.inputShape && dy.shape == geometry.outputShape)
        lock.lock()
        defer { lock.unlock() }
        let what = geometry.description
        var args = [(DNNL_ARG_SRC, srcForWeights.memory), (DNNL_ARG_DIFF_DST, diffDstForWeights.memory), (DNNL_ARG_DIFF_WEIGHTS, diffWeights.memory)]
        if let diffBias { args.append((DNNL_ARG_DIFF_BIAS, diffBias)) }
        let dw = try x.scalars.withUnsafeBufferPointer { px in
            try dy.scalars.withUnsafeBufferPointer { pdy in
                try srcForWeights.load(px.baseAddress!, what: what)
                try diffDstForWeights.load(pdy.baseAddress!, what: what)
                return try produce(geometry.weightShape) { pdw in
                    try diffWeights.bind(pdw, what: what)
                    try DNNL.execute(backwardWeights, args, "\(what): backward weights")
                    try diffWeights.store(what: what)
                }
            }
        }
        let db = try diffBias.map { Tensor(shape: [geometry.outChannels], scalars: Array(try storage($0, geometry.outChannels))) }
        return (dw, db)
    }

    struct Key: Hashable {
        let geometry: ConvolutionGeometry
        let algorithm: ConvolutionAlgorithm
    }
    nonisolated(unsafe) static var cache: [Key: ConvolutionPlan] = [:]
    nonisolated(unsafe) static var preferred = ConvolutionAlgorithm.winograd
    static let cacheLock = NSLock()

    /// The algorithm plans built from now on prefer: Winograd (the default) or direct (PyTorch's).
    public static var algorithm: ConvolutionAlgorithm {
        get { cacheLock.withLock { preferred } }
        set { cacheLock.withLock { preferred = newValue } }
    }

    /// What decides a convolution's last digits on this machine: oneDNN's version, the preferred
    /// algorithm and the CPU's channel block (16: AVX-512, where oneDNN has Winograd; 8: AVX2).
    public static var summary: String {
        let v = dnnl_version()!.pointee
        return "oneDNN \(v.major).\(v.minor).\(v.patch), \(algorithm.rawValue) where oneDNN has it, channel block \(ImageLayout.channelBlock)"
    }

    /// The plan of `geometry` for `algorithm` (the preferred one unless given), built on first use.
    public static func plan(_ geometry: ConvolutionGeometry, algorithm: ConvolutionAlgorithm? = nil) throws -> ConvolutionPlan {
        cacheLock.lock()
        defer { cacheLock.unlock() }
        let key = Key(geometry: geometry, algorithm: algorithm ?? preferred)
        if let p = cache[key] { return p }
        let p = try ConvolutionPlan(geometry, algorithm: key.algorithm)
        cache[key] = p
        return p
    }
}
