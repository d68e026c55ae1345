import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import SQLKit

/// One export, ready to write: what to read and how to encode it. The API
/// and `kaiku export` share it, so a file from either is the same.
struct ExportRun: Sendable {
    var layout: ExportLayout
    var codes: ExportCodes
    var selection: AnswerExport.Selection
    var format: ExportFormat
    var timeZone: TimeZone
    var byteOrderMark: Bool

    /// `units` nil exports the whole organisation.
    static func prepare(kind: ExportLayout.Kind, organisation: Organisation, units: [UUID]?, period: ReportPeriod,
                        format: ExportFormat, byteOrderMark: Bool, on database: any Database) async throws -> ExportRun {
        let codes = try await ExportCodes.load(kind: kind, organisation: organisation, on: database)
        let layout = ExportLayout(kind: kind, organisation: organisation.code, statements: codes.statements)
        let selection = AnswerExport.Selection(organisationID: try organisation.requireID(), units: units, from: period.from, to: period.to,
                                               includeText: layout.includesText, batchSize: 10_000)
        return ExportRun(layout: layout, codes: codes, selection: selection, format: format, timeZone: organisation.timeZone,
                         byteOrderMark: byteOrderMark)
    }

    /// Writes the export piece by piece, a batch at a time, and returns the number of rows.
    /// `write` is awaited before a second batch is read ahead: that is the back-pressure.
    @discardableResult
    func write(on sql: any SQLDatabase, location: DatabaseLocation, to sink: ([UInt8]) async throws -> Void) async throws -> Int {
        var encoder = ExportEncoder(layout: layout, format: format, timeZone: timeZone, byteOrderMark: byteOrderMark)
        try await sink(Array(encoder.head().utf8))
        let rows = try await AnswerExport.read(selection, codes: codes, on: sql, location: location) { records in
            try await sink(encoder.encode(records))
        }
        try await sink(Array(encoder.tail().utf8))
        return rows
    }

    /// A file name that says what is inside.
    func fileName(scope: String) -> String {
        "kaiku-\(layout.kind.rawValue)-\(scope)-\(selection.from)-\(selection.to).\(format.rawValue)"
    }

    /// What the access log records of this export.
    func logDescription(scope: String) -> String {
        "export.\(layout.kind.rawValue) \(format.rawValue) \(scope) \(selection.from)..\(selection.to)"
    }
}
