/// Adler-32, the checksum that closes a zlib stream (RFC 1950).
struct Adler32: Sendable {
    private static let modulus: UInt32 = 65521
    // The largest n for which 255·n·(n+1)/2 + (n+1)·(modulus−1) fits in UInt32,
    // so the modulo can be deferred to once per chunk instead of once per byte.
    private static let chunkLength = 5552

    private var a: UInt32 = 1
    private var b: UInt32 = 0

    mutating func update(_ bytes: [UInt8]) {
        var start = 0
        while start < bytes.count {
            let end = min(start + Adler32.chunkLength, bytes.count)
            for index in start..<end {
                a &+= UInt32(bytes[index])
                b &+= a
            }
            a %= Adler32.modulus
            b %= Adler32.modulus
            start = end
        }
    }

    var value: UInt32 { b << 16 | a }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var adler = Adler32()
        adler.update(bytes)
        return adler.value
    }
}
