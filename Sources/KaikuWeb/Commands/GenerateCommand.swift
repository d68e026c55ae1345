import ConsoleKit
import Foundation
import Vapor

/// `kaiku generate`: a synthetic organisation with answers over the last
/// year in an empty database, for benchmarks.
struct GenerateCommand: KaikuCommand {
    struct Signature: CommandSignature {
        @Option(name: "answers", help: "How many answers to make (100000).")
        var answers: Int?
        @Option(name: "units", help: "How many units, each with one target, under root and service areas (50).")
        var units: Int?
        @Option(name: "data-dir", help: "Keep the SQLite database in this directory (made when missing) instead of DATABASE_URL.")
        var dataDirectory: String?

        init() {}
    }

    var help: String { "Fill an empty database with a synthetic organisation and N answers over the last year." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let answers = try signature.$answers.given() ?? 100_000
        let units = try signature.$units.given() ?? 50
        guard answers >= 0 else { throw CommandUsageError("--answers must be 0 or more.") }
        guard units >= 1 else { throw CommandUsageError("--units must be 1 or more.") }
        let app = try await context.openDatabase(dataDirectory: signature.$dataDirectory.given())
        let started = Date()
        let progress = CommandProgress(total: answers, noun: "answers", verb: "Generated")
        try await SyntheticOrganisation.generate(app, answers: answers, leafUnits: units, progress: progress.report)
        progress.finish()
        print("Generated \(answers) answers over \(units) units in \(String(format: "%.1f", Date().timeIntervalSince(started))) s.")
    }
}
