/// Picks an index in proportion to its weight in O(log n): the generator
/// picks one of a thousand targets for each of ten million answers.
struct WeightedIndex: Sendable {
    private let cumulative: [Double]

    init(weights: [Double]) {
        var total = 0.0
        cumulative = weights.map { weight in
            total += max(0, weight)
            return total
        }
    }

    func pick(using generator: inout SplitMix64) -> Int {
        guard let total = cumulative.last, total > 0 else { return 0 }
        let roll = Double.random(in: 0..<total, using: &generator)
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > roll { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
