import Foundation

/// The process's arguments as ConsoleKit reads them: the executable called
/// `kaiku` whatever its path (so help reads `kaiku generate`, not a build
/// path), and `--option=value` split into `--option value`, which scripts
/// and the README have always been allowed to write.
enum CommandArguments {
    static func normalised(_ arguments: [String]) -> [String] {
        var result = ["kaiku"]
        var literal = false
        for argument in arguments.dropFirst() {
            if argument == "--" { literal = true }
            if !literal, argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                result.append(String(argument[..<equals]))
                result.append(String(argument[argument.index(after: equals)...]))
            } else {
                result.append(argument)
            }
        }
        return result
    }

    /// The command word: `serve` when there is none, as `kaiku` alone serves.
    static func verb(of arguments: [String]) -> String {
        arguments.count > 1 ? arguments[1] : "serve"
    }

    /// `kaiku`, `kaiku generate` or `kaiku visits import`: the words before
    /// the options that name a command, for messages that say where to ask for help.
    static func commandPath(of arguments: [String]) -> String {
        guard arguments.count > 1, let subcommands = KaikuCommands.subcommands(of: arguments[1]) else { return "kaiku" }
        guard arguments.count > 2, subcommands.contains(arguments[2]) else { return "kaiku \(arguments[1])" }
        return "kaiku \(arguments[1]) \(arguments[2])"
    }

    /// Removes every `--name value` and returns the values, for options that
    /// may be given more than once (ConsoleKit reads only the first).
    static func takeAll(_ name: String, from arguments: inout [String]) throws -> [String] {
        var values: [String] = []
        while let index = arguments.firstIndex(of: name) {
            guard index + 1 < arguments.count, !arguments[index + 1].hasPrefix("-") else {
                throw CommandUsageError("\(name) needs a value.")
            }
            values.append(arguments[index + 1])
            arguments.removeSubrange(index...(index + 1))
        }
        return values
    }
}
