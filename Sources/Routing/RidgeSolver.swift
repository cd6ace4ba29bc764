/// The two linear solves of the fit: a dense symmetric system by Gaussian elimination with
/// partial pivoting (61 unknowns), and ridge regression on sparse hashed rows by conjugate
/// gradient (4,097 unknowns).
enum RidgeSolver {
    /// Solves `a · x = b` (`a` row-major, n×n); `nil` when singular.
    static func solve(_ a: [Double], _ b: [Double], n: Int) -> [Double]? {
        var m = a
        var x = b
        for column in 0..<n {
            var pivot = column
            for row in (column + 1)..<n where abs(m[row * n + column]) > abs(m[pivot * n + column]) { pivot = row }
            guard abs(m[pivot * n + column]) > 1e-300 else { return nil }
            if pivot != column {
                for k in 0..<n { m.swapAt(column * n + k, pivot * n + k) }
                x.swapAt(column, pivot)
            }
            let diagonal = m[column * n + column]
            for row in (column + 1)..<n {
                let factor = m[row * n + column] / diagonal
                if factor == 0 { continue }
                for k in column..<n { m[row * n + k] -= factor * m[column * n + k] }
                x[row] -= factor * x[column]
            }
        }
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = x[row]
            for k in (row + 1)..<n { sum -= m[row * n + k] * x[k] }
            x[row] = sum / m[row * n + row]
        }
        return x
    }

    /// Ridge on sparse rows with an unpenalised intercept: minimises
    /// `Σ (y_i − b − h_i·γ)² / n + lamH·|γ|²` by conjugate gradient on the normal equations
    /// (the reference's `fit.fit_joint` with no dense block and unit weights). Returns γ.
    static func sparseRidge(rows: [[(slot: Int, value: Double)]], targets y: [Double], size: Int, lamH: Double,
                            iterations: Int = 300, tolerance: Double = 1e-7) -> [Double] {
        let n = Double(rows.count)
        let dimension = size + 1
        func multiply(_ v: [Double]) -> [Double] {
            var out = [Double](repeating: 0, count: dimension)
            for (i, row) in rows.enumerated() {
                _ = i
                var z = v[0]
                for (slot, value) in row { z += value * v[slot + 1] }
                let scaled = z / n
                out[0] += scaled
                for (slot, value) in row { out[slot + 1] += value * scaled }
            }
            for k in 1..<dimension { out[k] += lamH * v[k] }
            return out
        }
        var rhs = [Double](repeating: 0, count: dimension)
        for (i, row) in rows.enumerated() {
            let scaled = y[i] / n
            rhs[0] += scaled
            for (slot, value) in row { rhs[slot + 1] += value * scaled }
        }
        func dot(_ a: [Double], _ b: [Double]) -> Double {
            var s = 0.0
            for k in 0..<a.count { s += a[k] * b[k] }
            return s
        }
        var theta = [Double](repeating: 0, count: dimension)
        var r = rhs
        var p = r
        var rs = dot(r, r)
        let stop = tolerance * tolerance * dot(rhs, rhs)
        for _ in 0..<iterations {
            let ap = multiply(p)
            let denominator = dot(p, ap)
            guard denominator > 0 else { break }
            let alpha = rs / denominator
            for k in 0..<dimension {
                theta[k] += alpha * p[k]
                r[k] -= alpha * ap[k]
            }
            let rsNext = dot(r, r)
            if rsNext < stop { break }
            let beta = rsNext / rs
            for k in 0..<dimension { p[k] = r[k] + beta * p[k] }
            rs = rsNext
        }
        return Array(theta[1...])
    }

    /// numpy's `percentile` (linear interpolation) of `values` at `q` in 0…1.
    static func quantile(_ values: [Double], _ q: Double) -> Double {
        let sorted = values.sorted()
        guard sorted.count > 1 else { return sorted.first ?? .nan }
        let position = q * Double(sorted.count - 1)
        let low = Int(position.rounded(.down))
        let high = min(low + 1, sorted.count - 1)
        return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
    }
}
