import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Logging
import Vapor

/// The `kaiku` executable: `serve`, `migrate`, `demo`, `generate`, `export`. Options
/// that choose the database (`--data-dir`) are read here, before Vapor sees
/// the arguments, because the database is configured before any command runs.
public enum KaikuCommandLine {
    /// A server in service must not show internals in its errors: `serve`
    /// runs in production unless `--env` or `VAPOR_ENV` chooses otherwise.
    /// Nil keeps what Vapor detected.
    static func environmentName(verb: String, arguments: [String], variables: [String: String]) -> String? {
        let chosen = arguments.contains { $0 == "--env" || $0 == "-e" || $0.hasPrefix("--env=") } || variables["VAPOR_ENV"] != nil
        return verb == "serve" && !chosen ? Environment.production.name : nil
    }

    public static func main() async throws {
        var environment = try Environment.detect()
        var arguments = environment.arguments
        let verb = arguments.count > 1 ? arguments[1] : "serve"
        if let name = environmentName(verb: verb, arguments: arguments, variables: ProcessInfo.processInfo.environment) {
            environment = Environment(name: name, arguments: environment.arguments)
        }
        if ["serve", "demo", "sms-simulator", "routes"].contains(verb) {
            try LoggingSystem.bootstrap(from: &environment)
        } else {
            // One-shot commands keep standard output for their result (an API key, a count).
            let level = Logger.Level(rawValue: ProcessInfo.processInfo.environment["LOG_LEVEL"] ?? "") ?? .notice
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        }
        let dataDirectory = take("--data-dir", from: &arguments)
        var settings = try KaikuSettings.from(environment: ProcessInfo.processInfo.environment, dataDirectory: dataDirectory)
        // Only a serving instance polls the job table; one-shot commands do their own work and exit.
        settings.runJobs = settings.runJobs && ["serve", "demo"].contains(verb)
        let app = try await Application.make(environment)
        if verb == "sms-simulator" {
            try await smsSimulator(app, arguments: arguments)
            return
        }
        do {
            try await configure(app, settings: settings)
            switch verb {
            case "demo":
                try await demo(app, arguments: &arguments)
                app.environment.arguments = arguments
                try await app.execute()
            case "generate":
                let answers = Int(take("--answers", from: &arguments) ?? "") ?? 100_000
                let units = Int(take("--units", from: &arguments) ?? "") ?? 50
                let started = Date()
                try await SyntheticOrganisation.generate(app, answers: answers, leafUnits: units)
                print("Generated \(answers) answers over \(units) units in \(String(format: "%.1f", Date().timeIntervalSince(started))) s.")
            case "api-key":
                // `kaiku api-key create --name NAME [--org CODE] [--scope open311|visits]…`: the key alone on standard output.
                guard arguments.count > 2, arguments[2] == "create" else {
                    throw APIKeyUsage()
                }
                guard let name = take("--name", from: &arguments) else { throw APIKeys.IssueError.invalidName }
                var scopes = Set<APIClient.Scope>()
                while let raw = take("--scope", from: &arguments) {
                    guard let scope = APIClient.Scope(rawValue: raw) else { throw APIKeys.IssueError.invalidScope(raw) }
                    scopes.insert(scope)
                }
                if scopes.isEmpty { scopes = [.open311] }
                let key = try await APIKeys.issue(name: name, organisationCode: take("--org", from: &arguments), scopes: scopes, on: app.db)
                let allowed = APIClient.Scope.allCases.filter(scopes.contains).map(\.rawValue).joined(separator: ", ")
                FileHandle.standardError.write(Data("Created an API key for \(name), allowed \(allowed). Store it now: it cannot be shown again.\n".utf8))
                print(key)
            case "export":
                try await ExportCommand.run(app, arguments: arguments)
            case "visits":
                // `kaiku visits import FILE [--org CODE]`: the summary on standard output, refused rows on standard error.
                let org = take("--org", from: &arguments)
                guard arguments.count > 3, arguments[2] == "import" else { throw VisitImport.Failure(description: "usage: kaiku visits import FILE [--org CODE]") }
                let text = try String(contentsOfFile: arguments[3], encoding: .utf8)
                let organisation = try await APIKeys.organisation(code: org, on: app.db)
                let summary = try await VisitImport.run(text, organisationID: try organisation.requireID(), app: app)
                for (line, message) in summary.refused { FileHandle.standardError.write(Data("line \(line): \(message)\n".utf8)) }
                print(summary.text)
                // A script that imports nightly must notice rows it should fix and send again.
                if !summary.refused.isEmpty {
                    throw VisitImport.Failure(description: "\(summary.refused.count) row(s) were refused (listed above); the other rows were imported.")
                }
            case "migrate":
                print("Database migrated.")
            case "run-jobs":
                // The scheduled work once, for cron or an operator: reminders, escalations, purges that are due.
                let ran = try await JobRunner().runDue(app)
                print("Ran \(ran) due job(s).")
            case "purge-contacts":
                let purged = try await JobHandlers.purgeContacts(app)
                print("Purged the contact details of \(purged) closed case(s) past their retention period.")
            default:
                app.environment.arguments = arguments
                try await app.execute()
            }
        } catch {
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    /// Seeds the demo county on an empty database, prints how to sign in and
    /// turns the arguments into `serve` on 127.0.0.1:8080 unless told otherwise.
    static func demo(_ app: Application, arguments: inout [String]) async throws {
        let host = take("--hostname", from: &arguments) ?? "127.0.0.1"
        let port = take("--port", from: &arguments) ?? "8080"
        let answers = Int(take("--answers", from: &arguments) ?? "") ?? 55_000
        let started = Date()
        if let generated = try await DemoSeeder.seedIfEmpty(app, answers: answers) {
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
        arguments = [arguments.first ?? "kaiku", "serve", "--hostname", host, "--port", port]
    }

    /// `kaiku sms-simulator [--port 9099] [--token T]`: a local SMS gateway that
    /// shows what Kaiku sends at http://127.0.0.1:9099/; point KAIKU_SMS_URL at
    /// http://127.0.0.1:9099/messages. Needs no database.
    static func smsSimulator(_ app: Application, arguments: [String]) async throws {
        var arguments = arguments
        let port = take("--port", from: &arguments) ?? "9099"
        let token = take("--token", from: &arguments)
        // `--callback http://127.0.0.1:8080/api/v1/sms/delivery-reports --callback-token T` sends delivery reports to Kaiku.
        // `--inbound http://127.0.0.1:8080/api/v1/sms/inbound` forwards replies given with POST /messages/{id}/reply.
        let inbound = take("--inbound", from: &arguments).map { URI(string: $0) }
        let callback = take("--callback", from: &arguments).map {
            SMSGatewaySimulator.Callback(url: URI(string: $0), token: take("--callback-token", from: &arguments), inbound: inbound)
        }
        do {
            try SMSGatewaySimulator.configure(app, token: token, callback: callback)
            print("SMS gateway simulator on http://127.0.0.1:\(port)/ — set KAIKU_SMS_URL=http://127.0.0.1:\(port)/messages" + (token.map { " and KAIKU_SMS_AUTH=bearer:\($0)" } ?? ""))
            app.environment.arguments = [arguments.first ?? "kaiku", "serve", "--hostname", "127.0.0.1", "--port", port]
            try await app.execute()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    /// Removes `--name value` (or `--name=value`) from the arguments and returns the value.
    static func take(_ name: String, from arguments: inout [String]) -> String? {
        if let index = arguments.firstIndex(of: name), index + 1 < arguments.count {
            let value = arguments[index + 1]
            arguments.removeSubrange(index...(index + 1))
            return value
        }
        if let index = arguments.firstIndex(where: { $0.hasPrefix(name + "=") }) {
            let value = String(arguments[index].dropFirst(name.count + 1))
            arguments.remove(at: index)
            return value
        }
        return nil
    }
}

struct APIKeyUsage: Error, CustomStringConvertible {
    var description: String { "usage: kaiku api-key create --name NAME [--org CODE] [--scope open311|visits]…" }
}
