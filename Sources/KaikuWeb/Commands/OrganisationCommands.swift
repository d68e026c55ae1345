import ConsoleKit

/// `kaiku organisation …`: the organisations of the installation.
struct OrganisationCommands: AsyncCommandGroup {
    var help: String { "Organisations of the installation (organisation create)." }
    var commands: [String: any AnyAsyncCommand] { ["create": OrganisationCreateCommand()] }
}
