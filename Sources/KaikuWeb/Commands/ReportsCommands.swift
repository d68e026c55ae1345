import ConsoleKit

/// `kaiku reports …`: reports made or sent from the command line.
struct ReportsCommands: AsyncCommandGroup {
    var help: String { "Reports: send the monthly e-mail reports (reports send-monthly), make the annual customer report (reports annual)." }
    var commands: [String: any AnyAsyncCommand] { ["send-monthly": ReportsSendMonthlyCommand(), "annual": ReportsAnnualCommand()] }
}
