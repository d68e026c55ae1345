/// A small seeded generator so that demo and benchmark data are the same on
/// every run.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Roughly normal noise (sum of uniforms), enough for plausible scores.
    public mutating func gaussian(sigma: Double) -> Double {
        var sum = 0.0
        for _ in 0..<4 { sum += Double.random(in: -1...1, using: &self) }
        return sum * sigma * 0.866
    }

    public mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < probability
    }

    public mutating func pick<T>(_ weighted: [(T, Double)]) -> T {
        let total = weighted.reduce(0) { $0 + $1.1 }
        var roll = Double.random(in: 0..<total, using: &self)
        for (value, weight) in weighted {
            roll -= weight
            if roll < 0 { return value }
        }
        return weighted[weighted.count - 1].0
    }
}
