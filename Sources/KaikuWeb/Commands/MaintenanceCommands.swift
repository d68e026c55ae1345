import ConsoleKit
import Foundation
import Vapor

/// `kaiku migrate`: the migrations, and nothing else. It migrates whatever
/// `KAIKU_AUTO_MIGRATE` says, since that variable leaves migrating to it.
struct MigrateCommand: KaikuCommand {
    struct Signature: CommandSignature {
        @Option(name: "data-dir", help: "Use the SQLite database in this directory (made when missing) instead of DATABASE_URL.")
        var dataDirectory: String?

        init() {}
    }

    var help: String { "Run the database migrations and exit." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await context.openDatabase(dataDirectory: signature.$dataDirectory.given()) { $0.autoMigrate = true }
        print("Database migrated.")
    }
}

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

/// `kaiku purge-contacts`: the retention purge now, instead of at its scheduled time.
struct PurgeContactsCommand: KaikuCommand {
    struct Signature: CommandSignature {
        @Option(name: "data-dir", help: "Use the SQLite database in this directory instead of DATABASE_URL.")
        var dataDirectory: String?

        init() {}
    }

    var help: String { "Delete the contact details of cases closed longer ago than the retention period, now." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = try await context.openDatabase(dataDirectory: signature.$dataDirectory.given())
        let purged = try await JobHandlers.purgeContacts(app)
        print("Purged the contact details of \(purged) closed case(s) past their retention period.")
    }
}

/// `kaiku routes`: Vapor's route list, once the routes are registered.
struct KaikuRoutesCommand: KaikuCommand {
    struct Signature: CommandSignature {
        @Option(name: "data-dir", help: "Use the SQLite database in this directory instead of DATABASE_URL.")
        var dataDirectory: String?

        init() {}
    }

    var help: String { "List every route the server answers." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await context.openDatabase(dataDirectory: signature.$dataDirectory.given())
        var listing = context
        listing.input = CommandInput(arguments: [context.input.executable])
        // Vapor registers its own routes command on every application; this one only opens the database first.
        guard let routes = context.application.asyncCommands.commands["routes"] else { return }
        try await routes.run(using: &listing)
    }
}
