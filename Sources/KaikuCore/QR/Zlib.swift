/// The zlib container (RFC 1950) that PNG requires around its DEFLATE data.
enum Zlib {
    static func compress(_ input: [UInt8]) -> [UInt8] {
        // CMF 0x78: DEFLATE with a 32 KiB window. FLG 0x01: no preset
        // dictionary, "fastest" level hint, and check bits making
        // (CMF·256 + FLG) a multiple of 31.
        var output: [UInt8] = [0x78, 0x01]
        output += Deflate.compress(input)
        let adler = Adler32.checksum(input)
        output += [UInt8(adler >> 24), UInt8(adler >> 16 & 0xFF), UInt8(adler >> 8 & 0xFF), UInt8(adler & 0xFF)]
        return output
    }
}
