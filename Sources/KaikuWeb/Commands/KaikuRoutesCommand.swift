import ConsoleKit
import Foundation
import Vapor

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
