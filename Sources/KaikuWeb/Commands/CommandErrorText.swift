import ConsoleKit
import Foundation
import Vapor

/// What `kaiku` prints when a command fails: one line, a sentence, never a
/// Swift type name. Usage mistakes also say where to ask for help.
enum CommandErrorText {
    static func line(for error: any Error, arguments: [String]) -> String {
        let path = CommandArguments.commandPath(of: arguments)
        if let usage = usage(error) {
            let help = path == "kaiku" ? "Run `kaiku --help` for the commands." : "Run `\(path) --help` for its options."
            return "\(path): \(usage) \(help)"
        }
        return "\(path): \(detail(of: error))"
    }

    /// A mistake in how the command was called, or nil for a failure of the work itself.
    static func usage(_ error: any Error) -> String? {
        switch error {
        case let error as CommandUsageError:
            return error.description
        case let error as CommandError:
            switch error {
            case .missingCommand:
                return "Name a command."
            case .unknownCommand(let name, let available):
                let close = available.filter { !name.isEmpty && ($0.hasPrefix(name.prefix(3)) || name.hasPrefix($0)) }.sorted()
                return "There is no command '\(name)'." + (close.isEmpty ? "" : " Did you mean \(close.map { "'\($0)'" }.joined(separator: " or "))?")
            case .missingRequiredArgument(let name):
                return "\(name.uppercased()) is missing."
            case .invalidArgumentType(let name, let type):
                return "\(name.uppercased()) must be \(kind(type))."
            case .invalidOptionType(let name, let type):
                return "--\(name) must be \(kind(type))."
            case .unknownInput(let input):
                return "'\(input)' is not an option or argument of this command."
            }
        case let error as ServeCommand.Error where error == .incompatibleFlags:
            return "--bind and --unix-socket each stand alone; use --hostname and --port, or one of them."
        default:
            return nil
        }
    }

    /// The error as a sentence: an `AbortError`'s reason, a description
    /// written for people, or the error wrapped in one.
    static func detail(of error: any Error) -> String {
        switch error {
        case let error as AbortError:
            return SettingsProblem.sentence(error.reason)
        case let error as LocalizedError where error.errorDescription != nil:
            return SettingsProblem.sentence(error.errorDescription ?? "")
        case let error as DecodingError:
            return "The data could not be read: \(error.localizedDescription)."
        default:
            let typeName = String(describing: type(of: error))
            // Database and network errors describe themselves tersely or not at all.
            if typeName.contains("PSQLError") || typeName.contains("SQLiteError") || typeName.contains("IOError") || typeName.contains("ChannelError") || typeName.contains("NIOConnectionError") {
                return "The database or network refused (\(String(reflecting: error)))."
            }
            let text = String(describing: error)
            guard text != typeName, !text.isEmpty, !text.contains("(") || text.contains(" ") else {
                return "The command failed with an unexpected error (\(String(reflecting: error))); run it again with --log debug for details."
            }
            return SettingsProblem.sentence(text)
        }
    }

    private static func kind(_ type: any Any.Type) -> String {
        switch type {
        case is Int.Type, is Int?.Type: "a whole number"
        case is Double.Type, is Double?.Type: "a number"
        default: "a valid value"
        }
    }
}
