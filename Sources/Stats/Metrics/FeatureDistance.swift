import CGSL

/// Two-sample distances between sets of feature vectors (each row d values: features of images
/// from a classifier), as image diffusion papers report them.
/// - Fréchet distance (Heusel et al. 2017, FID when the features are Inception's): the 2-Wasserstein
///   distance between Gaussians fitted to both sets, ‖μ₁ − μ₂‖² + Tr(Σ₁ + Σ₂ − 2(Σ₁Σ₂)^½), with
///   Tr((Σ₁Σ₂)^½) = Σᵢ √λᵢ(Σ₁^½ Σ₂ Σ₁^½) — a symmetric positive semi-definite matrix, so two symmetric
///   eigen-decompositions (GSL) suffice and no non-symmetric square root is taken.
/// - KID (Bińkowski et al. 2018): the unbiased MMD² with the cubic kernel k(a, b) = (aᵀb/d + 1)³.
public enum FeatureDistance {
    /// Row means and the covariance (divisor n − 1) of `rows` vectors of length d.
    public static func moments(_ rows: [[Double]]) -> (mean: [Double], covariance: [Double]) {
        precondition(rows.count >= 2, "FeatureDistance.moments: need at least 2 vectors, got \(rows.count)")
        let (n, d) = (rows.count, rows[0].count)
        var mean = [Double](repeating: 0, count: d)
        for r in rows { for j in 0..<d { mean[j] += r[j] } }
        for j in 0..<d { mean[j] /= Double(n) }
        var covariance = [Double](repeating: 0, count: d * d)
        for r in rows {
            for i in 0..<d {
                let a = r[i] - mean[i]
                for j in i..<d { covariance[i * d + j] += a * (r[j] - mean[j]) }
            }
        }
        for i in 0..<d {
            for j in i..<d {
                covariance[i * d + j] /= Double(n - 1)
                covariance[j * d + i] = covariance[i * d + j]
            }
        }
        return (mean, covariance)
    }

    /// The Fréchet distance of two sets of vectors (Gaussians fitted to each).
    public static func frechet(_ x: [[Double]], _ y: [[Double]]) -> Double {
        let (a, b) = (moments(x), moments(y))
        return frechet(mean1: a.mean, covariance1: a.covariance, mean2: b.mean, covariance2: b.covariance)
    }

    /// The Fréchet distance of N(μ₁, Σ₁) and N(μ₂, Σ₂); covariances row-major d×d.
    public static func frechet(mean1: [Double], covariance1: [Double], mean2: [Double], covariance2: [Double]) -> Double {
        let d = mean1.count
        precondition(mean2.count == d && covariance1.count == d * d && covariance2.count == d * d, "FeatureDistance.frechet: dimensions differ")
        var distance = 0.0
        for j in 0..<d { distance += (mean1[j] - mean2[j]) * (mean1[j] - mean2[j]) }
        for j in 0..<d { distance += covariance1[j * d + j] + covariance2[j * d + j] }
        // S = Σ₁^½ from Σ₁ = V diag(λ) Vᵀ; eigenvalues below zero are rounding (Σ₁ is PSD) and count as 0.
        let (values, vectors) = symmetricEigen(covariance1, d)
        var root = [Double](repeating: 0, count: d * d)
        for i in 0..<d {
            for j in 0..<d {
                var s = 0.0
                for k in 0..<d { s += vectors[i * d + k] * max(values[k], 0).squareRoot() * vectors[j * d + k] }
                root[i * d + j] = s
            }
        }
        let m = multiply(multiply(root, covariance2, d), root, d)
        var symmetric = m
        for i in 0..<d { for j in 0..<d { symmetric[i * d + j] = 0.5 * (m[i * d + j] + m[j * d + i]) } }
        distance -= 2 * symmetricEigen(symmetric, d).values.reduce(0) { $0 + max($1, 0).squareRoot() }
        return distance
    }

    /// The unbiased MMD² of x and y with k(a, b) = (aᵀb/d + 1)³ (KID).
    public static func kid(_ x: [[Double]], _ y: [[Double]]) -> Double {
        precondition(x.count >= 2 && y.count >= 2, "FeatureDistance.kid: need at least 2 vectors per set")
        let d = Double(x[0].count)
        func k(_ a: [Double], _ b: [Double]) -> Double {
            var dot = 0.0
            for j in a.indices { dot += a[j] * b[j] }
            let t = dot / d + 1
            return t * t * t
        }
        func within(_ s: [[Double]]) -> Double {
            var total = 0.0
            for i in s.indices { for j in (i + 1)..<s.count { total += k(s[i], s[j]) } }
            return 2 * total / Double(s.count * (s.count - 1))
        }
        var across = 0.0
        for a in x { for b in y { across += k(a, b) } }
        return within(x) + within(y) - 2 * across / Double(x.count * y.count)
    }

    static func multiply(_ a: [Double], _ b: [Double], _ d: Int) -> [Double] {
        var c = [Double](repeating: 0, count: d * d)
        for i in 0..<d { for k in 0..<d { let v = a[i * d + k]; for j in 0..<d { c[i * d + j] += v * b[k * d + j] } } }
        return c
    }

    /// Eigenvalues and eigenvectors (columns of the row-major result) of a symmetric d×d matrix (GSL).
    static func symmetricEigen(_ matrix: [Double], _ d: Int) -> (values: [Double], vectors: [Double]) {
        let a = gsl_matrix_alloc(d, d)!, v = gsl_matrix_alloc(d, d)!, values = gsl_vector_alloc(d)!
        let work = gsl_eigen_symmv_alloc(d)!
        defer { gsl_matrix_free(a); gsl_matrix_free(v); gsl_vector_free(values); gsl_eigen_symmv_free(work) }
        for i in 0..<d { for j in 0..<d { gsl_matrix_set(a, i, j, matrix[i * d + j]) } }
        gsl_eigen_symmv(a, values, v, work)
        return ((0..<d).map { gsl_vector_get(values, $0) }, (0..<(d * d)).map { gsl_matrix_get(v, $0 / d, $0 % d) })
    }
}
