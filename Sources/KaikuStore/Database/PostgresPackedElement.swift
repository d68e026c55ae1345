import FluentPostgresDriver
import Foundation

/// An array element written straight into the array's bytes, in
/// PostgreSQL's binary form. Through PostgresNIO's generic `encode`, each
/// element cost a handful of generic `ByteBuffer` calls; in a debug build
/// that was most of the three minutes the demo's year of answers took to
/// store on PostgreSQL.
protocol PostgresPackedElement: PostgresArrayEncodable {
    /// The bytes of the element's binary form.
    var packedByteCount: Int { get }
    /// Writes the binary form at `offset`, where `packedByteCount` bytes are free.
    func pack(into bytes: UnsafeMutableRawBufferPointer, at offset: Int)
}

extension Int: PostgresPackedElement {
    var packedByteCount: Int { 8 }
    func pack(into bytes: UnsafeMutableRawBufferPointer, at offset: Int) {
        bytes.storeBytes(of: Int64(self).bigEndian, toByteOffset: offset, as: Int64.self)
    }
}

extension Double: PostgresPackedElement {
    var packedByteCount: Int { 8 }
    func pack(into bytes: UnsafeMutableRawBufferPointer, at offset: Int) {
        bytes.storeBytes(of: bitPattern.bigEndian, toByteOffset: offset, as: UInt64.self)
    }
}

extension Bool: PostgresPackedElement {
    var packedByteCount: Int { 1 }
    func pack(into bytes: UnsafeMutableRawBufferPointer, at offset: Int) {
        bytes.storeBytes(of: self ? 1 : 0, toByteOffset: offset, as: UInt8.self)
    }
}

extension UUID: PostgresPackedElement {
    var packedByteCount: Int { 16 }
    func pack(into bytes: UnsafeMutableRawBufferPointer, at offset: Int) {
        withUnsafeBytes(of: uuid) { UnsafeMutableRawBufferPointer(rebasing: bytes[offset..<offset + 16]).copyMemory(from: $0) }
    }
}

extension Date: PostgresPackedElement {
    /// PostgreSQL counts microseconds from 2000-01-01 00:00 UTC.
    private static let postgresEpoch = Date(timeIntervalSince1970: 946_684_800)

    var packedByteCount: Int { 8 }
    func pack(into bytes: UnsafeMutableRawBufferPointer, at offset: Int) {
        let microseconds = timeIntervalSince(Self.postgresEpoch) * 1_000_000
        // Truncated as PostgresNIO does; a date beyond what Int64 holds is
        // PostgreSQL's ±infinity rather than a trap.
        let value = microseconds.isNaN ? 0
            : microseconds >= 9.2e18 ? Int64.max
            : microseconds <= -9.2e18 ? Int64.min
            : Int64(microseconds)
        bytes.storeBytes(of: value.bigEndian, toByteOffset: offset, as: Int64.self)
    }
}

extension String: PostgresPackedElement {
    var packedByteCount: Int { utf8.count }
    func pack(into bytes: UnsafeMutableRawBufferPointer, at offset: Int) {
        var text = self
        text.withUTF8 { utf8 in
            UnsafeMutableRawBufferPointer(rebasing: bytes[offset..<offset + utf8.count]).copyMemory(from: UnsafeRawBufferPointer(utf8))
        }
    }
}
