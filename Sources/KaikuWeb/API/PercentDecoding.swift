/// Percent-decoding of URL and form text in one pass over its bytes, by the
/// rules of Foundation's `removingPercentEncoding`: `nil` when a `%` is not
/// followed by two hexadecimal digits or the decoded bytes are not UTF-8.
/// Foundation's version goes through `NSString` on Linux and was most of the
/// cost of reading a long query (the route fuzzer's 269 parameters).
enum PercentDecoding {
    /// The decoded text; with `plusAsSpace`, a `+` is a space (forms and queries).
    static func decode<Text: StringProtocol>(_ text: Text, plusAsSpace: Bool = false) -> String? {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == percent || (plusAsSpace && $0 == plus) }) else { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case percent:
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
                bytes.append(high << 4 | low)
            case plus where plusAsSpace:
                bytes.append(space)
            default:
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static let percent = UInt8(ascii: "%")
    private static let plus = UInt8(ascii: "+")
    private static let space = UInt8(ascii: " ")

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
