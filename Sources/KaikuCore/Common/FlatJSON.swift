/// A reader for the plain JSON that clients send on the hot paths: one
/// object whose values are strings without escapes, whole numbers, `true`,
/// `false`, `null`, or objects of those, with no key twice. Anything else
/// (escapes, fractions, exponents, arrays, deeper nesting, invalid UTF-8,
/// bytes after the object) gives nil, and the caller falls back to
/// Foundation's `JSONDecoder`, which then also words any refusal: this reader
/// only has to agree with `JSONDecoder` on what it accepts, never on errors.
public enum FlatJSON {
    public indirect enum Value: Sendable, Equatable {
        case string(String)
        case integer(Int)
        case bool(Bool)
        case null
        case object([String: Value])
    }

    /// The top-level object, or nil when the text is outside the plain subset.
    public static func parseObject(_ bytes: UnsafeRawBufferPointer) -> [String: Value]? {
        var reader = Reader(bytes: bytes)
        reader.skipSpace()
        guard let object = reader.object(depth: 0) else { return nil }
        reader.skipSpace()
        return reader.index == bytes.count ? object : nil
    }

    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var index = 0

        /// Objects one level down (a contact inside an answer) are all the API takes.
        static let maxDepth = 1
        /// Longer numbers may not fit an `Int`; `JSONDecoder` words that refusal.
        static let maxDigits = 15

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipSpace() {
            while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
        }

        mutating func consume(_ byte: UInt8) -> Bool {
            guard current == byte else { return false }
            index += 1
            return true
        }

        mutating func object(depth: Int) -> [String: Value]? {
            guard consume(UInt8(ascii: "{")) else { return nil }
            var result: [String: Value] = [:]
            skipSpace()
            if consume(UInt8(ascii: "}")) { return result }
            while true {
                skipSpace()
                guard let key = string() else { return nil }
                skipSpace()
                guard consume(UInt8(ascii: ":")) else { return nil }
                skipSpace()
                guard let element = value(depth: depth), result.updateValue(element, forKey: key) == nil else { return nil }
                skipSpace()
                if consume(UInt8(ascii: "}")) { return result }
                guard consume(UInt8(ascii: ",")) else { return nil }
            }
        }

        mutating func value(depth: Int) -> Value? {
            switch current {
            case UInt8(ascii: "\""): return string().map(Value.string)
            case UInt8(ascii: "{"): return depth < Self.maxDepth ? object(depth: depth + 1).map(Value.object) : nil
            case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
            case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
            case UInt8(ascii: "n"): return literal("null") ? .null : nil
            default: return integer().map(Value.integer)
            }
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let length = word.utf8CodeUnitCount
            guard bytes.count - index >= length else { return false }
            for offset in 0..<length where bytes[index + offset] != word.utf8Start[offset] { return false }
            index += length
            return true
        }

        /// `-?(0|[1-9][0-9]*)` with nothing of a fraction or exponent after it.
        mutating func integer() -> Int? {
            let negative = consume(UInt8(ascii: "-"))
            let start = index
            var value = 0
            while let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                index += 1
                guard index - start <= Self.maxDigits else { return nil }
            }
            let digits = index - start
            guard digits > 0, digits == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
            if let byte = current, byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { return nil }
            return negative ? -value : value
        }

        /// A string without escapes or control characters, in valid UTF-8.
        mutating func string() -> String? {
            guard consume(UInt8(ascii: "\"")) else { return nil }
            let start = index
            var ascii = true
            while let byte = current {
                if byte == UInt8(ascii: "\"") {
                    let text = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
                    index += 1
                    if ascii { return String(decoding: text, as: UTF8.self) }
                    return String(validating: text, as: UTF8.self)
                }
                guard byte >= 0x20, byte != UInt8(ascii: "\\") else { return nil }
                if byte >= 0x80 { ascii = false }
                index += 1
            }
            return nil
        }
    }
}
