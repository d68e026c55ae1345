/// Facts about JSON text read from its bytes before decoding.
public enum JSONEscapes {
    /// Whether a string in the JSON carries NUL, which JSON can only write as
    /// the escape `\u0000`. PostgreSQL refuses NUL in text, so a body with it
    /// is refused whole rather than failing at whichever query meets it first.
    /// An escaped backslash followed by `u0000` is text, not an escape.
    public static func containsNUL<Bytes: Collection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        var index = bytes.startIndex
        while index != bytes.endIndex {
            guard bytes[index] == UInt8(ascii: "\\") else {
                index = bytes.index(after: index)
                continue
            }
            let escaped = bytes.index(after: index)
            guard escaped != bytes.endIndex else { return false }
            if bytes[escaped] == UInt8(ascii: "u") {
                let digits = bytes[bytes.index(after: escaped)...].prefix(4)
                if digits.count == 4, digits.allSatisfy({ $0 == UInt8(ascii: "0") }) { return true }
            }
            index = bytes.index(after: escaped)
        }
        return false
    }

    /// As `containsNUL(_:)` over any bytes, specialised here for raw bytes: a request body
    /// is scanned through this one (a `ByteBufferView` reads byte by byte
    /// through NIO's generic accessors, slow in a debug build).
    public static func containsNUL(_ bytes: UnsafeRawBufferPointer) -> Bool {
        containsNUL(bytes[...])
    }
}
