import Foundation

/// The built `kaiku` executable, run as an operator runs it: in a directory
/// of the test's own, with none of the test run's KAIKU_*, DATABASE_URL or
/// LOG_LEVEL leaking in, standard output and error kept apart.
enum KaikuBinary {
    struct Outcome {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Beside the test bundle, where `swift build` puts the executable.
    static var url: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("kaiku")
    }

    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("KAIKU_") && $0.key != "DATABASE_URL" && $0.key != "LOG_LEVEL" }
        environment.merge(extra) { $1 }
        return environment
    }

    /// Runs a command to its end.
    static func run(_ arguments: [String], in directory: URL, environment extra: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment(extra)
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), errors: String(decoding: err, as: UTF8.self))
    }
}
