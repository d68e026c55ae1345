import ConsoleKit
import Foundation
import Vapor

/// `kaiku run-jobs`: the scheduled work once, for cron or an operator.
struct RunJobsCommand: KaikuCommand {
    struct Signature: CommandSignature {
        @Option(name: "data-dir", help: "Use the SQLite database in this directory instead of DATABASE_URL.")
        var dataDirectory: String?

        init() {}
    }

    var help: String { "Run the scheduled work that is due (reminders, escalations, purges) once and exit." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = try await context.openDatabase(dataDirectory: signature.$dataDirectory.given())
        let ran = try await JobRunner().runDue(app)
        print("Ran \(ran) due job(s).")
    }
}
