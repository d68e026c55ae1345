import ConsoleKit

/// `kaiku visits …`: visits for the SMS survey.
struct VisitsCommands: AsyncCommandGroup {
    var help: String { "Visits for the SMS survey (visits import FILE)." }
    var commands: [String: any AnyAsyncCommand] { ["import": VisitsImportCommand()] }
}
