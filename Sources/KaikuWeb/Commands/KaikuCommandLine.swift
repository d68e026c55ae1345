import Foundation
import Logging
import Vapor

/// The `kaiku` executable. Each verb is a command with a declared signature
/// (`KaikuCommands`), so `kaiku --help` and `kaiku COMMAND --help` describe
/// them without running anything. A command opens the database itself, in
/// its `run`, once its options are known: `--help` never opens, migrates or
/// creates anything.
public enum KaikuCommandLine {
    /// A server in service must not show internals in its errors: `serve`
    /// runs in production unless `--env` or `VAPOR_ENV` chooses otherwise.
    /// Nil keeps what Vapor detected.
    static func environmentName(verb: String, arguments: [String], variables: [String: String]) -> String? {
        let chosen = arguments.contains { $0 == "--env" || $0 == "-e" || $0.hasPrefix("--env=") } || variables["VAPOR_ENV"] != nil
        return verb == "serve" && !chosen ? Environment.production.name : nil
    }

    /// Commands that serve until stopped log as Vapor does; the others keep
    /// standard output for their result and log on standard error.
    static let servingVerbs: Set<String> = ["serve", "demo", "sms-simulator", "routes"]

    /// Runs the command named by the process's arguments and returns the exit status.
    public static func main() async -> Int32 {
        let arguments = CommandArguments.normalised(CommandLine.arguments)
        let verb = CommandArguments.verb(of: arguments)
        let variables = ProcessInfo.processInfo.environment
        var app: Application?
        do {
            var environment = try Environment.detect(arguments: arguments)
            if let name = environmentName(verb: verb, arguments: arguments, variables: variables) {
                environment = Environment(name: name, arguments: environment.arguments)
            }
            try bootstrapLogging(verb: verb, environment: &environment, variables: variables)
            let application = try await Application.make(environment)
            app = application
            var context = CommandContext(console: application.console, input: environment.commandInput)
            context.application = application
            try await application.console.run(KaikuCommands(), with: context)
            // serve, demo and sms-simulator return once listening; wait for SIGINT/SIGTERM.
            try await application.running?.onStop.get()
            try await application.asyncShutdown()
            return 0
        } catch {
            FileHandle.standardError.write(Data((CommandErrorText.line(for: error, arguments: arguments) + "\n").utf8))
            try? await app?.asyncShutdown()
            return 1
        }
    }

    private static func bootstrapLogging(verb: String, environment: inout Environment, variables: [String: String]) throws {
        if servingVerbs.contains(verb) {
            try LoggingSystem.bootstrap(from: &environment)
            return
        }
        // `--log LEVEL` first, then LOG_LEVEL, then notice; a bad LOG_LEVEL is
        // reported by the settings check of the command that reads settings.
        let explicit = environment.arguments.contains("--log")
        let detected = try Logger.Level.detect(from: &environment)
        let level = explicit ? detected : ((try? KaikuSettings.logLevel(in: variables)) ?? nil) ?? .notice
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
