import ConsoleKit
import Foundation
import Vapor

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
