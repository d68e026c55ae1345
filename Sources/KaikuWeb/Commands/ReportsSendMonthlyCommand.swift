import ConsoleKit
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `kaiku reports send-monthly [--month YYYY-MM] [--org CODE] [--dry-run --output DIR]`:
/// sends the monthly reports of a month that have not gone out yet, the
/// same way the scheduled job does (and never a second time, even while the
/// job runs), and prints how many went out — alone on standard output.
struct ReportsSendMonthlyCommand: KaikuCommand {
    struct Signature: CommandSignature {
        @Option(name: "month", help: "The month reported on, YYYY-MM; by default the month that ended (in each organisation's time zone).")
        var month: String?
        @Option(name: "org", help: "Only this organisation's reports (its code); by default every organisation's.")
        var org: String?
        @Flag(name: "dry-run", help: "Write the messages as .eml files into --output instead of sending them; records nothing.")
        var dryRun: Bool
        @Option(name: "output", help: "With --dry-run: the directory the .eml files go to (made when missing).")
        var output: String?
        @Option(name: "data-dir", help: "Use the SQLite database in this directory instead of DATABASE_URL.")
        var dataDirectory: String?

        init() {}
    }

    var help: String { "Send the monthly e-mail reports not sent yet and print how many went out (0 when all had been sent)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        var month: ReportMonth?
        if let raw = try signature.$month.given() {
            guard let parsed = ReportMonth(raw) else { throw CommandUsageError("--month must be a month as YYYY-MM, for example 2026-11.") }
            month = parsed
        }
        let output = try signature.$output.given()
        if signature.dryRun, output == nil { throw CommandUsageError("--dry-run needs --output DIR, the directory for the .eml files.") }
        if !signature.dryRun, output != nil { throw CommandUsageError("--output goes with --dry-run; without it the reports are sent.") }
        var directory: URL?
        if let output {
            directory = URL(fileURLWithPath: output, isDirectory: true)
            do {
                try FileManager.default.createDirectory(at: directory!, withIntermediateDirectories: true)
            } catch {
                throw CommandFailure("Cannot make the directory \(output): \(error.localizedDescription)")
            }
        }
        let app = try await context.openDatabase(dataDirectory: signature.$dataDirectory.given())
        var organisations = try await Organisation.query(on: app.db).sort(\.$code).all()
        if let code = try signature.$org.given() {
            organisations = organisations.filter { $0.code == code }
            guard !organisations.isEmpty else { throw CommandFailure("No organisation has the code \(code).") }
        }
        let now = app.kaiku.clock.now
        if let month, month >= ReportMonth(containing: CalendarDay(date: now, timeZone: organisations.first?.timeZone ?? .current)) {
            throw CommandUsageError("--month \(month) has not ended yet; give a month that has.")
        }
        let worker = "command-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        var outcome = MonthlyReportSender.Outcome()
        for organisation in organisations {
            let reported = month ?? ReportMonth.ended(before: CalendarDay(date: now, timeZone: organisation.timeZone))
            outcome = outcome + (try await MonthlyReportSender.send(organisation: organisation, month: reported, app: app, worker: worker,
                                                                    dryRunInto: directory))
        }
        if let output {
            FileHandle.standardError.write(Data("Wrote \(outcome.written) report(s) into \(output); nothing was sent or recorded.\n".utf8))
            print(outcome.written)
            return
        }
        print(outcome.sent)
        if outcome.failed > 0 {
            throw CommandFailure("\(outcome.failed) report(s) could not be sent (see the log); run the command again later to send them.")
        }
    }
}
