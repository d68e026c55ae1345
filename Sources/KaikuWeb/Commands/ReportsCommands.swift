import ConsoleKit

/// `kaiku reports …`: reports made on the command line.
struct ReportsCommands: AsyncCommandGroup {
    var help: String { "Reports: send the monthly e-mail reports (reports send-monthly)." }
    var commands: [String: any AnyAsyncCommand] { ["send-monthly": ReportsSendMonthlyCommand()] }
}
