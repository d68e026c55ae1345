/// An append-only sequence of bits, most significant bit first, as the QR
/// data stream is defined.
struct BitBuffer: Sendable {
    private(set) var bits: [Bool] = []

    var count: Int { bits.count }

    mutating func append(_ value: Int, bitCount: Int) {
        precondition(bitCount >= 0 && bitCount <= 31 && value >> bitCount == 0,
                     "\(value) does not fit in \(bitCount) bits")
        for shift in stride(from: bitCount - 1, through: 0, by: -1) {
            bits.append((value >> shift) & 1 == 1)
        }
    }

    /// Packs the bits into bytes; a trailing partial byte is padded with zeros.
    var bytes: [UInt8] {
        var result = [UInt8](repeating: 0, count: (bits.count + 7) / 8)
        for (index, bit) in bits.enumerated() where bit {
            result[index >> 3] |= 0x80 >> UInt8(index & 7)
        }
        return result
    }
}
