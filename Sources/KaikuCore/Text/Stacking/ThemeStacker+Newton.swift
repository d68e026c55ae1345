import Foundation

extension ThemeStacker {

    /// Weighted logistic regression by Newton steps, with an L2 pull towards `prior` rather than
    /// towards zero, so that a strong pull gives back the first stage. Newton rather than the
    /// first stage's AdaGrad: with about twenty inputs the exact steps converge in a handful of
    /// iterations and give the same weights every time.
    static func fit(_ x: [[Float]], _ y: [Bool], _ w: [Double], prior: [Double], regularisation lambda: Double) -> [Double] {
        let d = prior.count
        var beta = prior
        for _ in 0..<25 {
            var gradient = [Double](repeating: 0, count: d), hessian = [Double](repeating: 0, count: d * d)
            for n in x.indices {
                var s = 0.0
                for k in 0..<d { s += beta[k] * Double(x[n][k]) }
                let p = 1 / (1 + exp(-s)), r = w[n] * (p - (y[n] ? 1 : 0)), v = w[n] * max(p * (1 - p), 1e-6)
                for k in 0..<d where x[n][k] != 0 {
                    let xk = Double(x[n][k])
                    gradient[k] += r * xk
                    for l in k..<d where x[n][l] != 0 { hessian[k * d + l] += v * xk * Double(x[n][l]) }
                }
            }
            for k in 0..<d { for l in 0..<k { hessian[k * d + l] = hessian[l * d + k] } }
            for k in 0..<d {
                gradient[k] += lambda * (beta[k] - prior[k])
                hessian[k * d + k] += lambda + 1e-6
            }
            let step = solve(hessian, gradient, size: d)
            var largest = 0.0
            for k in 0..<d {
                beta[k] -= step[k]
                largest = max(largest, abs(step[k]))
            }
            if largest < 1e-4 { break }
        }
        return beta
    }

    /// Solves `a · x = b` for a `size × size` matrix (row-major) by Gaussian elimination with
    /// partial pivoting; the L2 term keeps the matrix positive definite.
    static func solve(_ matrix: [Double], _ vector: [Double], size d: Int) -> [Double] {
        var a = matrix, b = vector
        for c in 0..<d {
            var pivot = c
            for r in c..<d where abs(a[r * d + c]) > abs(a[pivot * d + c]) { pivot = r }
            if pivot != c {
                for k in 0..<d { a.swapAt(c * d + k, pivot * d + k) }
                b.swapAt(c, pivot)
            }
            let diagonal = a[c * d + c]
            for r in (c + 1)..<d where a[r * d + c] != 0 {
                let factor = a[r * d + c] / diagonal
                for k in c..<d { a[r * d + k] -= factor * a[c * d + k] }
                b[r] -= factor * b[c]
            }
        }
        var x = [Double](repeating: 0, count: d)
        for c in stride(from: d - 1, through: 0, by: -1) {
            var s = b[c]
            for k in (c + 1)..<d { s -= a[c * d + k] * x[k] }
            x[c] = s / a[c * d + c]
        }
        return x
    }
}
