/// A small DEFLATE (RFC 1951) compressor: greedy LZ77 matching over a hash
/// chain, emitted as one block with the fixed Huffman codes.
///
/// Fixed codes avoid building code tables while still shrinking QR images a
/// lot: each module row repeats `moduleSize` times and light areas are long
/// runs, both of which become cheap back-references.
enum Deflate {
    private static let windowSize = 32_768
    private static let minimumMatch = 3
    private static let maximumMatch = 258
    // Bounds the work per position; QR rasters find a full-length match at
    // once, so a short chain costs almost nothing in ratio.
    private static let maximumChain = 64
    private static let hashBits = 15

    private static let lengthBases = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                                      35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtraBits = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
                                          3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBases = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
                                        257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
                                        8193, 12289, 16385, 24577]
    private static let distanceExtraBits = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
                                            7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    static func compress(_ input: [UInt8]) -> [UInt8] {
        var writer = DeflateBitWriter()
        writer.write(1, bitCount: 1)  // BFINAL: this is the only block
        writer.write(1, bitCount: 2)  // BTYPE 01: fixed Huffman codes

        // head[h] is the latest position whose next three bytes hash to h;
        // previous[p] links to the position before p with the same hash.
        var head = [Int32](repeating: -1, count: 1 << hashBits)
        var previous = [Int32](repeating: -1, count: input.count)
        func hash(at position: Int) -> Int {
            let mixed = Int(input[position]) << 10 ^ Int(input[position + 1]) << 5 ^ Int(input[position + 2])
            return mixed & ((1 << hashBits) - 1)
        }
        func insert(_ position: Int) {
            guard position + minimumMatch <= input.count else { return }
            let key = hash(at: position)
            previous[position] = head[key]
            head[key] = Int32(position)
        }

        var position = 0
        while position < input.count {
            var bestLength = 0
            var bestDistance = 0
            if position + minimumMatch <= input.count {
                let limit = min(maximumMatch, input.count - position)
                var candidate = Int(head[hash(at: position)])
                var chain = maximumChain
                while candidate >= 0, position - candidate <= windowSize, chain > 0 {
                    var length = 0
                    while length < limit, input[candidate + length] == input[position + length] {
                        length += 1
                    }
                    if length > bestLength {
                        bestLength = length
                        bestDistance = position - candidate
                        if length == limit { break }
                    }
                    candidate = Int(previous[candidate])
                    chain -= 1
                }
            }

            if bestLength >= minimumMatch {
                writeMatch(length: bestLength, distance: bestDistance, to: &writer)
                for covered in position..<(position + bestLength) { insert(covered) }
                position += bestLength
            } else {
                writeLiteralOrLength(Int(input[position]), to: &writer)
                insert(position)
                position += 1
            }
        }
        writeLiteralOrLength(256, to: &writer)  // end of block
        return writer.finish()
    }

    /// Symbols 0–287 of the fixed literal/length alphabet (RFC 1951 §3.2.6).
    private static func writeLiteralOrLength(_ symbol: Int, to writer: inout DeflateBitWriter) {
        switch symbol {
        case 0...143: writer.writeHuffmanCode(0x30 + symbol, bitCount: 8)
        case 144...255: writer.writeHuffmanCode(0x190 + symbol - 144, bitCount: 9)
        case 256...279: writer.writeHuffmanCode(symbol - 256, bitCount: 7)
        default: writer.writeHuffmanCode(0xC0 + symbol - 280, bitCount: 8)
        }
    }

    private static func writeMatch(length: Int, distance: Int, to writer: inout DeflateBitWriter) {
        let lengthCode = lengthBases.lastIndex { $0 <= length }!
        writeLiteralOrLength(257 + lengthCode, to: &writer)
        writer.write(length - lengthBases[lengthCode], bitCount: lengthExtraBits[lengthCode])

        let distanceCode = distanceBases.lastIndex { $0 <= distance }!
        writer.writeHuffmanCode(distanceCode, bitCount: 5)  // fixed distance codes are 5 bits
        writer.write(distance - distanceBases[distanceCode], bitCount: distanceExtraBits[distanceCode])
    }
}
