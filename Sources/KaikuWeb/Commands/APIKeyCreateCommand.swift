import ConsoleKit
import Foundation
import KaikuStore
import Vapor

/// `kaiku api-key create --name NAME [--org CODE] [--scope open311|visits]…`:
/// the key alone on standard output, what it allows on standard error.
struct APIKeyCreateCommand: KaikuCommand {
    struct Signature: CommandSignature {
        @Option(name: "name", help: "Who the key is for, 1–100 characters (required).")
        var name: String?
        @Option(name: "org", help: "The organisation's code; needed when the database holds several.")
        var org: String?
        @Option(name: "scope", help: "open311 (the default: post feedback through Open311) or visits (report visits for the SMS survey); repeat for both.")
        var scope: String?
        @Option(name: "data-dir", help: "Use the SQLite database in this directory instead of DATABASE_URL.")
        var dataDirectory: String?

        init() {}
    }

    var help: String { "Issue an API key for an outside client; the key alone on standard output, stored only as a hash." }

    /// `--scope` may be repeated, which ConsoleKit does not read: taken here first.
    func run(using context: inout CommandContext) async throws {
        let scopes = try CommandArguments.takeAll("--scope", from: &context.input.arguments)
        let signature = try parse(&context.input)
        try await create(using: context, signature: signature, scopeNames: scopes)
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await create(using: context, signature: signature, scopeNames: signature.$scope.given().map { [$0] } ?? [])
    }

    private func create(using context: CommandContext, signature: Signature, scopeNames: [String]) async throws {
        guard let name = try signature.$name.given() else { throw CommandUsageError("Give the client a name with --name NAME.") }
        var scopes = Set<APIClient.Scope>()
        for raw in scopeNames {
            guard let scope = APIClient.Scope(rawValue: raw) else { throw CommandUsageError(APIKeys.IssueError.invalidScope(raw).description) }
            scopes.insert(scope)
        }
        if scopes.isEmpty { scopes = [.open311] }
        let app = try await context.openDatabase(dataDirectory: signature.$dataDirectory.given())
        let key = try await APIKeys.issue(name: name, organisationCode: signature.$org.given(), scopes: scopes, on: app.db)
        let allowed = APIClient.Scope.allCases.filter(scopes.contains).map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("Created an API key for \(name), allowed \(allowed). Store it now: it cannot be shown again.\n".utf8))
        print(key)
    }
}
