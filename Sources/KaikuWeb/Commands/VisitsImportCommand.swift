import ConsoleKit
import Foundation
import KaikuStore
import Vapor

/// `kaiku visits import FILE [--org CODE]`: the summary on standard output,
/// refused rows on standard error, and a failing exit status when any row
/// was refused, so that a script importing nightly notices rows to fix.
struct VisitsImportCommand: KaikuCommand {
    struct Signature: CommandSignature {
        @Option(name: "org", help: "The organisation's code; needed when the database holds several.")
        var org: String?
        @Option(name: "data-dir", help: "Use the SQLite database in this directory instead of DATABASE_URL.")
        var dataDirectory: String?
        @Argument(name: "file", help: "A CSV file: visit_id,time,unit,phone,language,consent,non_disclosure and optional target; comma or semicolon.")
        var file: String

        init() {}
    }

    var help: String { "Import visits for the SMS survey from a CSV file; refused rows are listed with their line." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let text: String
        do {
            text = try String(contentsOfFile: signature.file, encoding: .utf8)
        } catch {
            throw VisitImport.Failure(description: "Cannot read \(signature.file): it must exist, be readable and be UTF-8 text.")
        }
        let app = try await context.openDatabase(dataDirectory: signature.$dataDirectory.given())
        let organisation = try await APIKeys.organisation(code: signature.$org.given(), on: app.db)
        let progress = CommandProgress(total: nil, noun: "rows", verb: "Imported")
        let summary = try await VisitImport.run(text, organisationID: try organisation.requireID(), app: app, progress: progress.report(_:of:))
        progress.finish()
        for (line, message) in summary.refused { FileHandle.standardError.write(Data("line \(line): \(message)\n".utf8)) }
        print(summary.text)
        if !summary.refused.isEmpty {
            throw VisitImport.Failure(description: "\(summary.refused.count) row(s) were refused (listed above); the other rows were imported.")
        }
    }
}
