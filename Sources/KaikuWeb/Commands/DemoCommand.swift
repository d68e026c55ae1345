import ConsoleKit
import Foundation
import Vapor

/// `kaiku demo`: seeds the demo county on an empty database, prints how to
/// sign in and serves on 127.0.0.1:8080 unless told otherwise.
struct DemoCommand: KaikuCommand {
    struct Signature: CommandSignature {
        @Option(name: "hostname", short: "H", help: "The address to listen on (127.0.0.1).")
        var hostname: String?
        @Option(name: "port", short: "p", help: "The port to listen on (8080).")
        var port: Int?
        @Option(name: "answers", help: "How many answers to seed over the last year (55000).")
        var answers: Int?
        @Option(name: "data-dir", help: "Keep the SQLite database in this directory (made when missing) instead of DATABASE_URL.")
        var dataDirectory: String?

        init() {}
    }

    var help: String { "Seed the demo county into an empty database, print how to sign in, and serve it." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let host = try signature.$hostname.given() ?? "127.0.0.1"
        let port = try signature.$port.given() ?? 8080
        let answers = try signature.$answers.given() ?? 55_000
        guard answers >= 0 else { throw CommandUsageError("--answers must be 0 or more.") }
        let app = try await context.openDatabase(dataDirectory: signature.$dataDirectory.given(), serving: true)
        let started = Date()
        let progress = CommandProgress(total: answers, noun: "answers", verb: "Seeded")
        if let generated = try await DemoSeeder.seedIfEmpty(app, answers: answers, progress: progress.report) {
            progress.finish()
            print("Seeded the demo county with \(generated) answers in \(String(format: "%.1f", Date().timeIntervalSince(started))) s.")
            if let email = app.kaiku.settings.adminEmail, let password = app.kaiku.settings.adminPassword {
                try await Bootstrap.ensureAdministrator(email: email, password: password, on: app)
            }
        } else {
            print("The database already holds data; serving it as it is.")
        }
        print("""

        Kaiku demo: http://\(host):\(port)/
          Public feedback form:  http://\(host):\(port)/f/hammas-keskusta
          Demo users (password \(DemoSeeder.password)):
        \(DemoSeeder.users.map { "    \($0.email)  \($0.role.rawValue) of \($0.unitCode)" }.joined(separator: "\n"))
        \(app.kaiku.settings.adminEmail.map { "    \($0)  administrator (from KAIKU_ADMIN_EMAIL / KAIKU_ADMIN_PASSWORD)" } ?? "")
          Sign in: curl -s -X POST http://\(host):\(port)/api/v1/auth/token -H 'Content-Type: application/json' \\
                     -d '{"email":"admin@demo.kaiku.fi","password":"\(DemoSeeder.password)"}'

        """)
        try await KaikuServeCommand.serve(context, hostname: host, port: port)
    }
}
