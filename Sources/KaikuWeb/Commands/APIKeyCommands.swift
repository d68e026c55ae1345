import ConsoleKit

/// `kaiku api-key …`: keys for outside API clients.
struct APIKeyCommands: AsyncCommandGroup {
    var help: String { "Issue keys for outside API clients (api-key create)." }
    var commands: [String: any AnyAsyncCommand] { ["create": APIKeyCreateCommand()] }
}
