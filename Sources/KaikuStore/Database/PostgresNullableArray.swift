import NIOCore
import FluentPostgresDriver

/// A one-dimensional PostgreSQL array that may hold NULLs, in the binary
/// format. PostgresNIO's own arrays have no NULL elements, and the bulk
/// inserts bind one array per column (`BulkInsert`), where a missing answer
/// or an anonymous response's contact is a NULL.
struct PostgresNullableArray<Element: PostgresPackedElement>: PostgresNonThrowingEncodable {
    typealias Elements = [Element?]
    var elements: Elements

    init(_ elements: [Element?]) {
        self.elements = elements
    }

    static var psqlType: PostgresDataType { Element.psqlArrayType }
    static var psqlFormat: PostgresFormat { .binary }

    func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        // Header: dimensions, whether NULLs occur, the element type; then the
        // dimension's length and lower bound. Each element is its byte count
        // (-1 for NULL), then its bytes. All of it goes in one write.
        var byteCount = elements.isEmpty ? 12 : 20
        var hasNulls = false
        for element in elements {
            byteCount += 4 + (element?.packedByteCount ?? 0)
            hasNulls = hasNulls || element == nil
        }
        let elementType = Element.psqlType.rawValue
        let count = Int32(clamping: elements.count)
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: byteCount) { bytes in
            var offset = 0
            func int32(_ value: Int32) {
                bytes.storeBytes(of: value.bigEndian, toByteOffset: offset, as: Int32.self)
                offset += 4
            }
            int32(count == 0 ? 0 : 1)
            int32(hasNulls ? 1 : 0)
            bytes.storeBytes(of: elementType.bigEndian, toByteOffset: offset, as: UInt32.self)
            offset += 4
            guard count > 0 else { return offset }
            int32(count)
            int32(1)
            for element in elements {
                guard let element else {
                    int32(-1)
                    continue
                }
                let length = element.packedByteCount
                int32(Int32(clamping: length))
                element.pack(into: bytes, at: offset)
                offset += length
            }
            return offset
        }
    }
}
