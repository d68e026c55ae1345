import Foundation

/// Stored compactly: the feature hashes as little-endian UInt32 and the weights as Int16 in
/// units of `quantum`, both base64 — about 3 bytes per weight instead of ~10 as JSON numbers.
extension LearnedModel: Codable {

    private enum CodingKeys: String, CodingKey { case themes, features, weights }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let themes = try container.decode([String].self, forKey: .themes)
        guard let features = Data(base64Encoded: try container.decode(String.self, forKey: .features)),
              let cells = Data(base64Encoded: try container.decode(String.self, forKey: .weights))
        else {
            throw DecodingError.dataCorruptedError(forKey: .weights, in: container, debugDescription: "Not base64.")
        }
        let columns = themes.count + Self.sentiments.count
        let hashes: [UInt32] = features.littleEndianIntegers()
        let quantised: [Int16] = cells.littleEndianIntegers()
        guard features.count == hashes.count * 4, cells.count == quantised.count * 2,
              quantised.count == hashes.count * columns
        else {
            throw DecodingError.dataCorruptedError(forKey: .weights, in: container, debugDescription: "Sizes disagree.")
        }
        var rows: [UInt32: Int] = [:]
        for (row, hash) in hashes.enumerated() { rows[hash] = row }
        self.init(themes: themes, rows: rows, weights: quantised.map { Float($0) * Self.quantum })
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(themes, forKey: .themes)
        let ordered = rows.sorted { $0.value < $1.value }.map(\.key)
        var features = Data(capacity: ordered.count * 4)
        for hash in ordered { withUnsafeBytes(of: hash.littleEndian) { features.append(contentsOf: $0) } }
        var cells = Data(capacity: weights.count * 2)
        for weight in weights {
            let value = Int16(clamping: Int((weight / Self.quantum).rounded()))
            withUnsafeBytes(of: value.littleEndian) { cells.append(contentsOf: $0) }
        }
        try container.encode(features.base64EncodedString(), forKey: .features)
        try container.encode(cells.base64EncodedString(), forKey: .weights)
    }
}

private extension Data {
    func littleEndianIntegers<T: FixedWidthInteger>() -> [T] {
        let size = MemoryLayout<T>.size
        var result: [T] = []
        result.reserveCapacity(count / size)
        var offset = startIndex
        while offset + size <= endIndex {
            var value: T = 0
            for byte in 0..<size { value |= T(truncatingIfNeeded: self[offset + byte]) << (8 * byte) }
            result.append(value)
            offset += size
        }
        return result
    }
}
