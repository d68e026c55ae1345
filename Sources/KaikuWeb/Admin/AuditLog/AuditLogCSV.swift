import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// The audit log as CSV (`at,actor,action,subject,before,after`), streamed a
/// batch at a time, newest first; fields go through `CSVText`, so a subject
/// or a template text cannot smuggle a formula into a spreadsheet.
struct AuditLogCSV: Sendable {
    var organisationID: UUID
    var timeZone: TimeZone
    var filter: AuditLogFilter
    /// Entries written after the export began are left out, so that paging
    /// by offset does not repeat a row when one arrives during the export.
    var until: Date

    static let batchSize = 500
    static let header = "at,actor,action,subject,before,after"

    func response(database: any Database, logger: Logger, fileName: String) -> Response {
        let response = Response(status: .ok, body: .init(managedAsyncStream: { writer in
            do {
                try await write(on: database) { bytes in try await writer.writeBuffer(ByteBuffer(bytes: bytes)) }
            } catch {
                logger.report(error: error)
                throw error
            }
        }))
        response.headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(fileName)\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    func write(on database: any Database, _ emit: ([UInt8]) async throws -> Void) async throws {
        var out = ExportBytes()
        out += CSVText.byteOrderMark
        out += Self.header
        out += CSVText.lineEnd
        var timestamps = ZonedTimestampFormatter(timeZone: timeZone)
        var filter = filter
        filter.until = until
        var offset = 0
        while true {
            let batch = try await AuditLogQuery.entries(organisationID: organisationID, timeZone: timeZone, filter: filter,
                                                        limit: Self.batchSize, offset: offset, on: database)
            offset += batch.count
            for entry in batch {
                for (index, field) in [timestamps.string(entry.at), entry.actor, entry.action, entry.subject, entry.before ?? "", entry.after ?? ""].enumerated() {
                    if index > 0 { out += "," }
                    CSVText.appendField(field, to: &out)
                }
                out += CSVText.lineEnd
            }
            try await emit(out.bytes)
            out = ExportBytes()
            if batch.count < Self.batchSize { break }
        }
    }
}
