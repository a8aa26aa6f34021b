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

extension FeatureDistance {
    /// Squared Euclidean distances between every row of `a` and every row of `b` ([a.count][b.count]).
    static func squaredDistances(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
        a.map { x in
            b.map { y in
                var s = 0.0
                for j in x.indices {
                    let d = x[j] - y[j]
                    s += d * d
                }
                return s
            }
        }
    }

    /// Improved precision and recall (Kynkäänniemi et al. 2019) in any dimension: each vector's
    /// ball has the radius of its k-th nearest neighbour within its own set; precision is the share
    /// of samples inside some data ball, recall the share of data inside some sample ball.
    public static func precisionRecall(samples: [[Double]], data: [[Double]], k: Int = 3) -> (precision: Double, recall: Double) {
        precondition(samples.count > k && data.count > k, "precisionRecall: need more than k = \(k) vectors in each set")
        func radii(_ s: [[Double]]) -> [Double] {
            squaredDistances(s, s).map { row in row.sorted()[k] }  // index 0 is the point itself
        }
        let (rs, rd) = (radii(samples), radii(data))
        let across = squaredDistances(samples, data)
        let precision = samples.indices.filter { i in data.indices.contains { j in across[i][j] <= rd[j] } }.count
        let recall = data.indices.filter { j in samples.indices.contains { i in across[i][j] <= rs[i] } }.count
        return (Double(precision) / Double(samples.count), Double(recall) / Double(data.count))
    }
}

/// The leading principal axes of a set of vectors (eigenvectors of its covariance, largest
/// eigenvalue first), to project other vectors on: pixel-space Fréchet distance on the test
/// set's first 32 components.
public struct PrincipalComponents: Sendable {
    public let mean: [Double]
    /// `count` axes of dimension d.
    public let axes: [[Double]]
    /// Their variances (eigenvalues), decreasing.
    public let variances: [Double]

    public init(_ rows: [[Double]], count: Int) {
        let (mean, covariance) = FeatureDistance.moments(rows)
        let d = mean.count
        precondition(count >= 1 && count <= d, "PrincipalComponents: count must be in 1...\(d), got \(count)")
        let (values, vectors) = FeatureDistance.symmetricEigen(covariance, d)
        let order = values.indices.sorted { values[$0] > values[$1] }.prefix(count)
        self.mean = mean
        axes = order.map { k in (0..<d).map { vectors[$0 * d + k] } }
        variances = order.map { values[$0] }
    }

    /// Coordinates of `row` on the axes (after subtracting the mean).
    public func project(_ row: [Double]) -> [Double] {
        axes.map { axis in
            var s = 0.0
            for j in axis.indices { s += axis[j] * (row[j] - mean[j]) }
            return s
        }
    }
}
