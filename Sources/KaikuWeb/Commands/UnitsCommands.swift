import ConsoleKit

/// `kaiku units …`: the organisation's tree.
struct UnitsCommands: AsyncCommandGroup {
    var help: String { "The org tree (units import FILE)." }
    var commands: [String: any AnyAsyncCommand] { ["import": UnitsImportCommand()] }
}

/// `kaiku targets …`: the customer-facing feedback targets.
struct TargetsCommands: AsyncCommandGroup {
    var help: String { "Feedback targets (targets import FILE)." }
    var commands: [String: any AnyAsyncCommand] { ["import": TargetsImportCommand()] }
}
