import ConsoleKit
import Fluent
import Foundation
import KaikuCore
import KaikuStore
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// `kaiku export answers|national`: the API's exports for an operator, on
/// standard output (or the file) with messages on standard error.
struct ExportCommand: KaikuCommand {
    struct Signature: CommandSignature {
        @Option(name: "unit", help: "Only this unit and the units under it (answers only).")
        var unit: String?
        @Option(name: "org", help: "The organisation's code; needed when the database holds several.")
        var org: String?
        @Option(name: "from", help: "The first day, YYYY-MM-DD (a year before --to by default).")
        var from: String?
        @Option(name: "to", help: "The last day, YYYY-MM-DD (today by default).")
        var to: String?
        @Option(name: "format", help: "csv (the default) or json.")
        var format: String?
        @Option(name: "output", help: "Write into this file instead of standard output.")
        var output: String?
        @Flag(name: "no-bom", help: "Leave out the byte order mark that tells spreadsheets the CSV is UTF-8.")
        var noByteOrderMark: Bool
        @Option(name: "data-dir", help: "Read the SQLite database in this directory instead of DATABASE_URL.")
        var dataDirectory: String?
        @Argument(name: "kind", help: "answers (one row per answer) or national (the national minimum data set).")
        var kind: String

        init() {}
    }

    var help: String { "Write the answer or national minimum-data export as CSV or JSON." }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let format = try Self.format(signature.$format.given())
        let kind = try Self.kind(signature.kind)
        let app = try await context.openDatabase(dataDirectory: signature.$dataDirectory.given())
        try await Self.export(app, kind: kind, format: format, signature: signature)
    }

    /// The command on an application already set up, from arguments as typed
    /// (`kaiku export answers --org X …`); for tests.
    static func run(_ app: Application, arguments: [String]) async throws {
        var input = CommandInput(arguments: arguments)
        _ = input.arguments.first == "export" ? input.arguments.removeFirst() : ""
        let signature = try ExportCommand().parse(&input)
        try await export(app, kind: kind(signature.kind), format: format(signature.$format.given()), signature: signature)
    }

    private static func kind(_ text: String) throws -> ExportLayout.Kind {
        guard let kind = ExportLayout.Kind(rawValue: text) else { throw CommandUsageError("KIND must be answers or national, not '\(text)'.") }
        return kind
    }

    private static func format(_ text: String?) throws -> ExportFormat {
        guard let format = ExportFormat(rawValue: text ?? "csv") else { throw CommandUsageError("--format must be csv or json.") }
        return format
    }

    private static func export(_ app: Application, kind: ExportLayout.Kind, format: ExportFormat, signature: Signature) async throws {
        let unitCode = try signature.$unit.given()
        let output = try signature.$output.given()
        guard kind == .answers || unitCode == nil else { throw CommandUsageError("The national export covers the whole organisation; leave out --unit.") }
        let organisation = try await organisation(code: signature.$org.given(), unitCode: unitCode, on: app.db)
        let zone = organisation.timeZone
        let period: ReportPeriod
        do {
            period = try ReportPeriod(from: ReportPeriod.day(signature.$from.given(), "--from"), to: ReportPeriod.day(signature.$to.given(), "--to"),
                                      today: CalendarDay(date: app.kaiku.clock.now, timeZone: zone))
        } catch let error as FieldError {
            throw CommandUsageError(error.message)
        }
        let units = try await subtree(of: unitCode, in: organisation, on: app.db)
        let run = try await ExportRun.prepare(kind: kind, organisation: organisation, units: units, period: period, format: format,
                                              byteOrderMark: !signature.noByteOrderMark, on: app.db)
        let handle = try outputHandle(output)
        // Progress only when writing to a file: standard output is the export itself.
        let progress = CommandProgress(total: nil, noun: "MB", verb: "Written", enabled: output != nil && isatty(STDERR_FILENO) == 1)
        let written = NIOLockedValueBox(0)
        let rows = try await run.write(on: app.db.sql, location: app.kaiku.settings.database) { bytes in
            handle.write(Data(bytes))
            progress.report(written.withLockedValue { $0 += bytes.count; return $0 } >> 20)
        }
        progress.finish()
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
