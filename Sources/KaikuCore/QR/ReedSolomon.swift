/// Reed–Solomon error-correction codewords over GF(2⁸) with the QR field
/// polynomial x⁸ + x⁴ + x³ + x² + 1 (0x11D).
enum ReedSolomon {
    /// Log/antilog tables make multiplication two lookups and an add; they are
    /// immutable `let`s, so sharing them across tasks is safe.
    private static let exp: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 512)
        var value = 1
        for power in 0..<255 {
            table[power] = UInt8(value)
            value <<= 1
            if value & 0x100 != 0 { value ^= 0x11D }
        }
        // Doubling the table avoids a modulo-255 on every product.
        for power in 255..<512 { table[power] = table[power - 255] }
        return table
    }()

    private static let log: [Int] = {
        var table = [Int](repeating: 0, count: 256)
        for power in 0..<255 { table[Int(exp[power])] = power }
        return table
    }()

    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        if a == 0 || b == 0 { return 0 }
        return exp[log[Int(a)] + log[Int(b)]]
    }

    /// Coefficients of ∏(x − αⁱ) for i in 0..<degree, highest power first,
    /// without the leading 1 (it is implied in the division below).
    static func generator(degree: Int) -> [UInt8] {
        precondition((1...255).contains(degree))
        var coefficients = [UInt8](repeating: 0, count: degree)
        coefficients[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for index in 0..<degree {
                coefficients[index] = multiply(coefficients[index], root)
                if index + 1 < degree { coefficients[index] ^= coefficients[index + 1] }
            }
            root = multiply(root, 2)
        }
        return coefficients
    }

    /// The remainder of data·x^degree divided by the generator: the EC codewords.
    static func remainder(of data: [UInt8], generator: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: generator.count)
        for byte in data {
            let factor = byte ^ result[0]
            result.removeFirst()
            result.append(0)
            for index in result.indices {
                result[index] ^= multiply(generator[index], factor)
            }
        }
        return result
    }
}
