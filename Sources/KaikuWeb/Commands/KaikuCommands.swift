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
            "api-key": APIKeyCommands(),
            "run-jobs": RunJobsCommand(),
            "purge-contacts": PurgeContactsCommand(),
            "sms-simulator": SMSSimulatorCommand(),
            "routes": KaikuRoutesCommand(),
        ]
    }

    var defaultCommand: (any AnyAsyncCommand)? { KaikuServeCommand() }

    /// Command words and their subcommands, for messages read before ConsoleKit parses anything.
    static let names: [String: Set<String>] = [
        "serve": [], "demo": [], "migrate": [], "generate": [], "export": [], "visits": ["import"], "api-key": ["create"],
        "run-jobs": [], "purge-contacts": [], "sms-simulator": [], "routes": [],
    ]
}

/// A wrong option, a missing value or argument: what is wrong, as a sentence.
/// The command line adds where to ask for help.
struct CommandUsageError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}

extension Option {
    /// The value, or nil when not given; given without a value, a usage error.
    func given() throws -> Value? {
        if isPresent, wrappedValue == nil { throw CommandUsageError("--\(name) needs a value.") }
        return wrappedValue
    }
}

/// An option given without its value, found after parsing whatever its type.
private protocol ValueCheckedOption {
    var nameIfValueMissing: String? { get }
}

extension Option: ValueCheckedOption {
    fileprivate var nameIfValueMissing: String? { isPresent && wrappedValue == nil ? name : nil }
}

/// A Kaiku command: parsed as ConsoleKit does, except that an option given
/// last without its value is named as such, not as unknown input.
protocol KaikuCommand: AsyncCommand {}

extension KaikuCommand {
    func run(using context: inout CommandContext) async throws {
        let signature = try parse(&context.input)
        try await run(using: context, signature: signature)
    }

    func parse(_ input: inout CommandInput) throws -> Signature {
        let signature = try Signature(from: &input)
        let missing = Mirror(reflecting: signature).children.lazy.compactMap { ($0.value as? any ValueCheckedOption)?.nameIfValueMissing }.first
        if let missing { throw CommandUsageError("--\(missing) needs a value.") }
        guard input.arguments.isEmpty else { throw CommandError.unknownInput(input.arguments.joined(separator: " ")) }
        return signature
    }
}
