import ConsoleKit
import Vapor

/// Every `kaiku` command, as `kaiku --help` lists them; `kaiku` alone serves.
struct KaikuCommands: AsyncCommandGroup {
    var help: String {
        "Kaiku: customer feedback for wellbeing services. `kaiku` alone serves. Every command also takes --env NAME (Vapor's environment) and --log LEVEL."
    }

    var commands: [String: any AnyAsyncCommand] {
        [
            "serve": KaikuServeCommand(),
            "demo": DemoCommand(),
            "migrate": MigrateCommand(),
            "generate": GenerateCommand(),
            "export": ExportCommand(),
            "visits": VisitsCommands(),
            "units": UnitsCommands(),
            "targets": TargetsCommands(),
            "api-key": APIKeyCommands(),
            "organisation": OrganisationCommands(),
            "run-jobs": RunJobsCommand(),
            "purge-contacts": PurgeContactsCommand(),
            "sms-simulator": SMSSimulatorCommand(),
            "routes": KaikuRoutesCommand(),
            "text": TextCommands(),
            "reports": ReportsCommands(),
        ]
    }

    var defaultCommand: (any AnyAsyncCommand)? { KaikuServeCommand() }

    /// A command word's subcommands (none for a plain command), or nil for a
    /// word that is no command; for messages written before ConsoleKit parses anything.
    static func subcommands(of word: String) -> Set<String>? {
        guard let command = KaikuCommands().commands[word] else { return nil }
        return Set((command as? any AsyncCommandGroup)?.commands.keys.map { $0 } ?? [])
    }
}
