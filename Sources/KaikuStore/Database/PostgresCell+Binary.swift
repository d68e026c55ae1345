import FluentPostgresDriver
import Foundation
import NIOCore

/// Reads the binary cells of the few column types that the hot paths
/// (exports, rollups) read, straight from their bytes. PostgresNIO's own
/// `decode` is generic and, called from outside its module, looks up generic
/// metadata for every cell: a quarter of an export's time went there. Any
/// other type or format still goes through PostgresNIO's decoding.
extension PostgresCell {
    func readUUID() throws -> UUID {
        if format == .binary, dataType == .uuid, let bytes, bytes.readableBytes == 16 {
            // Not `UUID().uuid` as a scratch value: `UUID()` reads /dev/urandom.
            return bytes.withUnsafeReadableBytes { UUID(uuid: $0.loadUnaligned(as: uuid_t.self)) }
        }
        return try decode(UUID.self)
    }

    func readString() throws -> String {
        guard let value = try readOptionalString() else { return try decode(String.self) }
        return value
    }

    /// Text and varchar are UTF-8 in both formats.
    func readOptionalString() throws -> String? {
        guard let bytes else { return nil }
        guard dataType == .text || dataType == .varchar else { return try decode(String?.self) }
        return String(buffer: bytes)
    }

    func readInt() throws -> Int {
        guard let value = try readOptionalInt() else { return try decode(Int.self) }
        return value
    }

    func readOptionalInt() throws -> Int? {
        guard let bytes else { return nil }
        guard format == .binary else { return try decode(Int?.self) }
        switch (dataType, bytes.readableBytes) {
        case (.int8, 8): return bytes.getInteger(at: bytes.readerIndex, as: Int64.self).map(Int.init)
        case (.int4, 4): return bytes.getInteger(at: bytes.readerIndex, as: Int32.self).map(Int.init)
        case (.int2, 2): return bytes.getInteger(at: bytes.readerIndex, as: Int16.self).map(Int.init)
        default: return try decode(Int?.self)
        }
    }

    /// Seconds since 1970. A binary timestamp is microseconds since 2000-01-01.
    func readSecondsSince1970() throws -> Double {
        if format == .binary, dataType == .timestamptz || dataType == .timestamp, let bytes, bytes.readableBytes == 8,
           let microseconds = bytes.getInteger(at: bytes.readerIndex, as: Int64.self) {
            return Double(microseconds) / 1_000_000 + 946_684_800
        }
        return try decode(Date.self).timeIntervalSince1970
    }
}
