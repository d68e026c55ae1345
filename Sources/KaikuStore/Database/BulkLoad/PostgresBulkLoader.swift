import FluentPostgresDriver
import Foundation
import KaikuCore
import NIOCore

/// Writes to PostgreSQL with `COPY … FROM STDIN`, PostgreSQL's own way of
/// loading rows in bulk: no statement per row and no bound parameters.
struct PostgresBulkLoader: BulkLoader {
    let database: any PostgresDatabase

    func write(_ tables: [BulkTable]) async throws {
        let logger = database.logger
        try await database.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                _ = try await connection.query("BEGIN", logger: logger)
                do {
                    for table in tables where table.count > 0 {
                        try await connection.copyFrom(table: table.name, columns: table.columns, logger: logger) { writer in
                            var buffer = ByteBufferAllocator().buffer(capacity: 1 << 20)
                            for index in 0..<table.count {
                                Self.append(table.row(index), to: &buffer)
                                if buffer.readableBytes >= 1 << 20 {
                                    try await writer.write(buffer)
                                    buffer.clear()
                                }
                            }
                            if buffer.readableBytes > 0 { try await writer.write(buffer) }
                        }
                    }
                    _ = try await connection.query("COMMIT", logger: logger)
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    throw error
                }
            }
        }.get()
    }

    /// One line of COPY's text format: tab between columns, `\N` for null,
    /// backslash escapes for the characters that would end a field or line.
    static func append(_ row: [BulkValue], to buffer: inout ByteBuffer) {
        for (index, value) in row.enumerated() {
            if index > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
            switch value {
            case .int(let number): buffer.writeString(String(number))
            case .double(let number): buffer.writeString(String(number))
            case .text(let text): appendEscaped(text, to: &buffer)
            case .uuid(let id): buffer.writeString(id.upperText)
            case .date(let date): appendTimestamp(date, to: &buffer)
            case .bool(let flag): buffer.writeInteger(UInt8(ascii: flag ? "t" : "f"))
            case .null, .nullInt: buffer.writeStaticString("\\N")
            }
        }
        buffer.writeInteger(UInt8(ascii: "\n"))
    }

    private static func appendEscaped(_ text: String, to buffer: inout ByteBuffer) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
            case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
            case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
            case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
            default: buffer.writeInteger(byte)
            }
        }
    }

    /// `yyyy-mm-dd hh:mm:ss.ffffff+00`, in UTC to the microsecond as
    /// PostgreSQL keeps it.
    private static func appendTimestamp(_ date: Date, to buffer: inout ByteBuffer) {
        let micros = Int((date.timeIntervalSince1970 * 1_000_000).rounded())
        let seconds = micros.floorDivided(by: 1_000_000)
        let fraction = micros - seconds * 1_000_000
        let dayNumber = seconds.floorDivided(by: 86_400)
        let ofDay = seconds - dayNumber * 86_400
        let day = CalendarDay(dayNumber: dayNumber)
        func digits(_ value: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                buffer.writeInteger(UInt8(ascii: "0") + UInt8(rest / divisor))
                rest %= divisor
                divisor /= 10
            }
        }
        digits(day.year, 4); buffer.writeInteger(UInt8(ascii: "-"))
        digits(day.month, 2); buffer.writeInteger(UInt8(ascii: "-"))
        digits(day.day, 2); buffer.writeInteger(UInt8(ascii: " "))
        digits(ofDay / 3_600, 2); buffer.writeInteger(UInt8(ascii: ":"))
        digits(ofDay / 60 % 60, 2); buffer.writeInteger(UInt8(ascii: ":"))
        digits(ofDay % 60, 2); buffer.writeInteger(UInt8(ascii: "."))
        digits(fraction, 6)
        buffer.writeStaticString("+00")
    }
}

private extension Int {
    func floorDivided(by divisor: Int) -> Int {
        let quotient = self / divisor
        return self % divisor < 0 ? quotient - 1 : quotient
    }
}
