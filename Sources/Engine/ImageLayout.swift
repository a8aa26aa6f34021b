import CDNNL

/// How an image batch lies in memory: NCHW (PyTorch's default, the public layout), NHWC (channels
/// last), or oneDNN's channel-blocked nChw[b]c — shape [n, c/b, h, w, b], b = `channelBlock` (16 on
/// AVX-512, 8 on AVX2) — the layout oneDNN's own convolution kernels read and write, the only one
/// its Winograd kernels take. Every layout is "runs of channels": 1 channel (NCHW), all c (NHWC) or
/// b (blocked) per position, so the image kernels handle all three with one index rule.
public enum ImageLayout: String, Sendable, Hashable {
    case nchw, nhwc, blocked

    /// [n, c, h, w] in this layout's order ([n, c/b, h, w, b] when blocked).
    public func shape(batch n: Int, channels c: Int, height h: Int, width w: Int) -> [Int] {
        switch self {
        case .nchw: [n, c, h, w]
        case .nhwc: [n, h, w, c]
        case .blocked: [n, c / Self.channelBlock, h, w, Self.channelBlock]
        }
    }

    /// (n, c, h, w) of a shape in this layout's order.
    public func dimensions(_ shape: [Int]) -> (batch: Int, channels: Int, height: Int, width: Int) {
        switch self {
        case .nchw: (shape[0], shape[1], shape[2], shape[3])
        case .nhwc: (shape[0], shape[3], shape[1], shape[2])
        case .blocked: (shape[0], shape[1] * shape[4], shape[2], shape[3])
        }
    }

    /// The rank of a batch's shape: 4, or 5 when blocked.
    public var rank: Int { self == .blocked ? 5 : 4 }

    /// Channels stored together at each position: 1 (NCHW), c (NHWC) or the block (blocked).
    public func run(channels c: Int) -> Int {
        switch self {
        case .nchw: 1
        case .nhwc: c
        case .blocked: Self.channelBlock
        }
    }

    /// Whether a batch of `channels` channels can take this layout (blocked: whole blocks only).
    public func holds(channels: Int) -> Bool { self != .blocked || (Self.channelBlock > 0 && channels % Self.channelBlock == 0) }

    var tag: dnnl_format_tag_t {
        switch self {
        case .nchw: dnnl_nchw
        case .nhwc: dnnl_nhwc
        case .blocked: Self.channelBlock == 16 ? dnnl_nChw16c : dnnl_nChw8c
        }
    }

    /// The channel block of oneDNN's preferred layout on this CPU (16 on AVX-512, 8 on AVX2), read
    /// from the layout it picks for a U-Net convolution; 0 when it prefers no plain channel block.
    public static let channelBlock: Int = {
        guard var src = try? DNNL.descriptor([64, 64, 14, 14], dnnl_format_tag_any),
            var weights = try? DNNL.descriptor([64, 64, 3, 3], dnnl_format_tag_any),
            var dst = try? DNNL.descriptor([64, 64, 14, 14], dnnl_format_tag_any)
        else { return 0 }
        var fd = dnnl_convolution_desc_t()
        guard
            dnnl_convolution_forward_desc_init(&fd, dnnl_forward_training, dnnl_convolution_direct, &src, &weights, nil, &dst, [1, 1], [1, 1], [1, 1])
                == dnnl_success, let pd = try? DNNL.primitiveDescriptor(&fd, hint: nil, "channel block probe")
        else { return 0 }
        defer { dnnl_primitive_desc_destroy(pd) }
        let chosen = dnnl_primitive_desc_query_md(pd, dnnl_query_src_md, 0)!.pointee
        guard chosen.format_kind == dnnl_blocked else { return 0 }
        let blocking = chosen.format_desc.blocking
        guard blocking.inner_nblks == 1, blocking.inner_idxs.0 == 1, [8, 16].contains(blocking.inner_blks.0) else { return 0 }
        return Int(blocking.inner_blks.0)
    }()
}
