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
