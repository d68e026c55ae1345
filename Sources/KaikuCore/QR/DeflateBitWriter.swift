/// Packs variable-length fields into bytes the way DEFLATE (RFC 1951 §3.1.1)
/// wants: fields fill each byte from its least significant bit.
struct DeflateBitWriter: Sendable {
    private(set) var bytes: [UInt8] = []
    private var pending: UInt32 = 0
    private var pendingCount = 0

    /// Writes `value`'s low `count` bits, least significant first — the order
    /// for header fields and the extra bits of lengths and distances.
    mutating func write(_ value: Int, bitCount count: Int) {
        precondition(count >= 0 && count <= 16 && value >> count == 0)
        pending |= UInt32(value) << UInt32(pendingCount)
        pendingCount += count
        while pendingCount >= 8 {
            bytes.append(UInt8(pending & 0xFF))
            pending >>= 8
            pendingCount -= 8
        }
    }

    /// Writes a Huffman code, which DEFLATE stores most significant bit first.
    mutating func writeHuffmanCode(_ code: Int, bitCount count: Int) {
        var reversed = 0
        for shift in 0..<count {
            reversed = reversed << 1 | (code >> shift) & 1
        }
        write(reversed, bitCount: count)
    }

    /// Pads the last partial byte with zeros and returns everything written.
    mutating func finish() -> [UInt8] {
        if pendingCount > 0 {
            bytes.append(UInt8(pending & 0xFF))
            pending = 0
            pendingCount = 0
        }
        return bytes
    }
}
