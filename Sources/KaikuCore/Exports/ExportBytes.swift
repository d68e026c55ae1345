/// The bytes of an export as it is written. Appending to a `String` checks
/// and updates its UTF-8 bookkeeping on every call, which cost a quarter of
/// an export's time; here an append is a copy.
public struct ExportBytes: Sendable, Equatable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The bytes as text, for tests and small pieces.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public static func += (out: inout ExportBytes, text: String) {
        out.bytes.append(contentsOf: text.utf8)
    }

    public static func += (out: inout ExportBytes, text: Substring) {
        out.bytes.append(contentsOf: text.utf8)
    }

    mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// A non-negative number in decimal, zero-padded to `width` digits.
    mutating func append(number: Int, width: Int = 1) {
        guard number >= 0 else {
            bytes.append(UInt8(ascii: "-"))
            bytes.append(contentsOf: String(number.magnitude).utf8)
            return
        }
        var digits = 1
        var limit = 10
        while number >= limit, digits < 19 {
            digits += 1
            limit &*= 10
        }
        for _ in digits..<max(width, digits) { bytes.append(UInt8(ascii: "0")) }
        let end = bytes.count + digits
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
        var rest = number
        var index = end - 1
        repeat {
            bytes[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            index -= 1
        } while rest > 0
    }
}
