import ConsoleKit
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `kaiku units import FILE [--org CODE] [--dry-run] [--close-missing]`:
/// the counts on standard output, refused lines on standard error, and a
/// failing exit status when any line was refused (then nothing was changed).
struct UnitsImportCommand: KaikuCommand {
    struct Signature: CommandSignature {
        @Option(name: "org", help: "The organisation's code; needed when the database holds several.")
        var org: String?
        @Option(name: "data-dir", help: "Use the SQLite database in this directory instead of DATABASE_URL.")
        var dataDirectory: String?
        @Flag(name: "dry-run", help: "Only check the file and print what would change.")
        var dryRun: Bool
        @Flag(name: "close-missing", help: "Close the units the file leaves out (they are never deleted).")
        var closeMissing: Bool
        @Argument(name: "file", help: "A CSV file: code,parent,name_fi,name_sv,name_en,oid and optional closed; comma or semicolon, UTF-8.")
        var file: String

        init() {}
    }

    var help: String { "Import the org tree from a CSV file, all or nothing; refused lines are listed with their number." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let text = try TreeImportFile.read(signature.file)
        let app = try await context.openDatabase(dataDirectory: signature.$dataDirectory.given())
        let organisation = try await APIKeys.organisation(code: signature.$org.given(), on: app.db)
        let (plan, _) = try await TreeImportRun.units(text, organisation: organisation, closeMissing: signature.closeMissing,
                                                      dryRun: signature.dryRun, actor: .commandLine, app: app)
        try TreeImportFile.report(plan.counts, errors: plan.errors, dryRun: signature.dryRun)
    }
}

/// `kaiku targets import FILE [--org CODE] [--dry-run]`, as `units import`.
struct TargetsImportCommand: KaikuCommand {
    struct Signature: CommandSignature {
        @Option(name: "org", help: "The organisation's code; needed when the database holds several.")
        var org: String?
        @Option(name: "data-dir", help: "Use the SQLite database in this directory instead of DATABASE_URL.")
        var dataDirectory: String?
        @Flag(name: "dry-run", help: "Only check the file and print what would change.")
        var dryRun: Bool
        @Argument(name: "file", help: "A CSV file: code,unit,name_fi,name_sv,name_en,keywords,active; comma or semicolon, UTF-8.")
        var file: String

        init() {}
    }

    var help: String { "Import feedback targets from a CSV file, all or nothing; refused lines are listed with their number." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let text = try TreeImportFile.read(signature.file)
        let app = try await context.openDatabase(dataDirectory: signature.$dataDirectory.given())
        let organisation = try await APIKeys.organisation(code: signature.$org.given(), on: app.db)
        let (plan, _) = try await TreeImportRun.targets(text, organisation: organisation, dryRun: signature.dryRun,
                                                        actor: .commandLine, app: app)
        try TreeImportFile.report(plan.counts, errors: plan.errors, dryRun: signature.dryRun)
    }
}

/// Reading the file and printing the outcome, shared by both imports.
enum TreeImportFile {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "Cannot read \(path): it must exist and be readable.")
        }
        guard data.count <= TreeImportRun.maxFileBytes else {
            throw Failure(description: "\(path) is larger than \(TreeImportRun.maxFileBytes / 1024 / 1024) MiB.")
        }
        guard let text = TreeImportRun.text(data) else {
            throw Failure(description: "\(path) is not UTF-8 text; save it as \"CSV UTF-8\".")
        }
        return text
    }

    static func report(_ counts: ImportCounts, errors: [ImportLineError], dryRun: Bool) throws {
        for error in errors { FileHandle.standardError.write(Data("line \(error.line): \(error.message)\n".utf8)) }
        guard errors.isEmpty else {
            throw Failure(description: "\(errors.count) problem(s) (listed above); nothing was imported.")
        }
        print("added \(counts.added), renamed \(counts.renamed), moved \(counts.moved), closed \(counts.closed), "
              + "reopened \(counts.reopened), unchanged \(counts.unchanged)" + (dryRun ? " (dry run: nothing was changed)" : ""))
    }
}
