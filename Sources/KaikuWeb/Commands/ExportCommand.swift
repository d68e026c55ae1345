import Fluent
import Foundation
import KaikuCore
import KaikuStore
import SQLKit
import Vapor

/// `kaiku export answers|national [--unit CODE] [--org CODE] [--from D] [--to D]
/// [--format csv|json] [--output FILE] [--no-bom]`: the API's exports for an
/// operator, on standard output (or the file) with messages on standard error.
enum ExportCommand {
    static let usage = "usage: kaiku export answers|national [--unit CODE] [--org CODE] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format csv|json] [--output FILE] [--no-bom]"

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func run(_ app: Application, arguments: [String]) async throws {
        var arguments = arguments
        guard arguments.count > 2, let kind = ExportLayout.Kind(rawValue: arguments[2]) else { throw Failure(description: usage) }
        let unitCode = KaikuCommandLine.take("--unit", from: &arguments)
        let organisationCode = KaikuCommandLine.take("--org", from: &arguments)
        let formatName = KaikuCommandLine.take("--format", from: &arguments) ?? "csv"
        guard let format = ExportFormat(rawValue: formatName) else { throw Failure(description: "--format must be csv or json.") }
        guard kind == .answers || unitCode == nil else { throw Failure(description: "The national export covers the whole organisation; leave out --unit.") }
        let from = KaikuCommandLine.take("--from", from: &arguments)
        let to = KaikuCommandLine.take("--to", from: &arguments)
        let output = KaikuCommandLine.take("--output", from: &arguments)
        let organisation = try await organisation(code: organisationCode, unitCode: unitCode, on: app.db)
        let zone = organisation.timeZone
        let period: ReportPeriod
        do {
            period = try ReportPeriod(from: ReportPeriod.day(from, "--from"), to: ReportPeriod.day(to, "--to"),
                                      today: CalendarDay(date: app.kaiku.clock.now, timeZone: zone))
        } catch let error as FieldError {
            throw Failure(description: error.message)
        }
        let units = try await subtree(of: unitCode, in: organisation, on: app.db)
        let run = try await ExportRun.prepare(kind: kind, organisation: organisation, units: units, period: period, format: format,
                                              byteOrderMark: !arguments.contains("--no-bom"), on: app.db)
        let handle = try outputHandle(output)
        let rows = try await run.write(on: app.db.sql, location: app.kaiku.settings.database) { bytes in handle.write(Data(bytes)) }
        if output != nil { try handle.close() }
        FileHandle.standardError.write(Data("Exported \(rows) answer(s) of \(organisation.code) from \(period.from) to \(period.to)\(output.map { " to \($0)" } ?? "").\n".utf8))
    }

    /// The organisation named, the one the unit belongs to, or the only one.
    private static func organisation(code: String?, unitCode: String?, on database: any Database) async throws -> Organisation {
        if let code {
            guard let organisation = try await Organisation.query(on: database).filter(\.$code == code).first() else {
                throw Failure(description: "No organisation with code \(code).")
            }
            return organisation
        }
        var candidates = try await Organisation.query(on: database).all()
        if let unitCode {
            let owners = Set(try await OrgUnit.query(on: database).filter(\.$code == unitCode).all().map(\.organisationID))
            candidates = candidates.filter { owners.contains($0.id!) }
        }
        guard candidates.count == 1 else {
            throw Failure(description: candidates.isEmpty ? "No such organisation or unit." : "Several organisations match; name one with --org CODE.")
        }
        return candidates[0]
    }

    /// The unit's subtree, or nil for the whole organisation.
    private static func subtree(of unitCode: String?, in organisation: Organisation, on database: any Database) async throws -> [UUID]? {
        guard let unitCode else { return nil }
        let units = try await OrgUnit.query(on: database).filter(\.$organisationID == organisation.requireID()).all()
        guard let unit = units.first(where: { $0.code == unitCode }) else {
            throw Failure(description: "No unit with code \(unitCode) in \(organisation.code).")
        }
        return OrgTree(units.map { (id: $0.id!, parent: $0.parentID) }).subtree(of: unit.id!)
    }

    private static func outputHandle(_ path: String?) throws -> FileHandle {
        guard let path else { return FileHandle.standardOutput }
        // Opened in place: Foundation's createFile writes a new file and renames
        // it over the path, which replaced /dev/null itself with a plain file.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { throw Failure(description: "Cannot write \(path): \(String(cString: strerror(errno))).") }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }
}
