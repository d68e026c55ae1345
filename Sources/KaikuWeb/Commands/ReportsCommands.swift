import ConsoleKit

/// `kaiku reports …`: reports made from the command line.
struct ReportsCommands: AsyncCommandGroup {
    var help: String { "Make reports from the command line (reports annual)." }
    var commands: [String: any AnyAsyncCommand] { ["annual": ReportsAnnualCommand()] }
}
