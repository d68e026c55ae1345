import ConsoleKit
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `kaiku organisation create --code CODE --name-fi NAME …`: an organisation
/// with its root unit only, as the setup page and the API make it. The code
/// alone on standard output, what was made on standard error.
struct OrganisationCreateCommand: KaikuCommand {
    struct Signature: CommandSignature {
        @Option(name: "code", help: "The organisation's code, also its root unit's: 2–40 lowercase letters a–z, digits and hyphens (required).")
        var code: String?
        @Option(name: "name-fi", help: "Its name in Finnish (required).")
        var nameFi: String?
        @Option(name: "name-sv", help: "Its name in Swedish (the Finnish name when left out).")
        var nameSv: String?
        @Option(name: "name-en", help: "Its name in English (the Finnish name when left out).")
        var nameEn: String?
        @Option(name: "time-zone", help: "Its IANA time zone, whose calendar days reports count (Europe/Helsinki).")
        var timeZone: String?
        @Option(name: "promise-days", help: "The answer promise: days from a request for an answer to the answer, 1–90 (14).")
        var promiseDays: Int?
        @Option(name: "promise-in", help: "calendarDays (the default) or workingDays: how the promise counts days.")
        var promiseIn: String?
        @Option(name: "languages", help: "The languages offered to customers, comma-separated: fi,sv,en (all three); Finnish always.")
        var languages: String?
        @Option(name: "data-dir", help: "Use the SQLite database in this directory instead of DATABASE_URL.")
        var dataDirectory: String?

        init() {}
    }

    var help: String { "Create an organisation with its root unit only; its code alone on standard output." }

    /// The option that sets each field, for messages.
    static func option(for field: OrganisationProblem.Field) -> String {
        switch field {
        case .code: "--code"
        case .nameFi: "--name-fi"
        case .nameSv: "--name-sv"
        case .nameEn: "--name-en"
        case .languages: "--languages"
        case .timeZone: "--time-zone"
        case .promiseDays: "--promise-days"
        case .promiseIn: "--promise-in"
        }
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let code = try signature.$code.given() else { throw CommandUsageError("Give the organisation a code with --code CODE.") }
        guard let nameFi = try signature.$nameFi.given() else { throw CommandUsageError("Give the organisation its Finnish name with --name-fi NAME.") }
        let draft = OrganisationDraft(
            code: code, name: LocalizedText(fi: nameFi, sv: try signature.$nameSv.given() ?? "", en: try signature.$nameEn.given() ?? ""),
            languages: try Self.languages(try signature.$languages.given()),
            timeZone: try signature.$timeZone.given() ?? OrganisationDraft.defaultTimeZone,
            promiseDays: try signature.$promiseDays.given() ?? OrganisationDraft.defaultPromiseDays,
            promiseIn: try signature.$promiseIn.given() ?? "calendarDays")
        // Checked before the database opens, so that a typing mistake makes no data directory.
        if let problem = OrganisationRules.problems(with: draft).first {
            throw CommandUsageError("\(Self.option(for: problem.field)): \(problem.description)")
        }
        let app = try await context.openDatabase(dataDirectory: signature.$dataDirectory.given())
        let first = try await Organisation.query(on: app.db).count() == 0
        let organisation: Organisation
        do {
            organisation = try await OrganisationSetup.create(draft, national: app.kaiku.nationalSurvey, actor: .commandLine,
                                                              at: app.kaiku.clock.now, on: app.db)
        } catch let refusal as OrganisationSetup.Refusal {
            throw CommandFailure(refusal.problems.first.map { "\(Self.option(for: $0.field)): \($0.description)" } ?? refusal.description)
        }
        FileHandle.standardError.write(Data(Self.summary(organisation, draft: draft, first: first).utf8))
        print(organisation.code)
    }

    static func languages(_ list: String?) throws -> Set<Language> {
        guard let list else { return Set(Language.allCases) }
        var languages: Set<Language> = [.fi]
        for code in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !code.isEmpty {
            guard let language = Language(rawValue: code) else {
                throw CommandUsageError("--languages takes fi, sv and en separated by commas, not \(code.prefix(20)).")
            }
            languages.insert(language)
        }
        return languages
    }

    /// What was made and what to do next, for the operator's eyes.
    static func summary(_ organisation: Organisation, draft: OrganisationDraft, first: Bool) -> String {
        var lines = ["Created the organisation \(organisation.code) (\(organisation.nameFi)) with its root unit \(organisation.code); "
            + "time zone \(organisation.timeZoneID), answer promise \(organisation.promiseDays) \(organisation.promiseIn == "workingDays" ? "working" : "calendar") days, "
            + "languages \(organisation.offeredLanguages.map(\.rawValue).joined(separator: ", "))."]
        let taking = draft.namesTakingFinnish.map { $0 == .sv ? "Swedish" : "English" }
        if !taking.isEmpty {
            lines.append("No \(taking.joined(separator: " or ")) name was given: the Finnish name is used for it.")
        }
        if first {
            lines.append("Next: set KAIKU_ADMIN_EMAIL and KAIKU_ADMIN_PASSWORD and start `kaiku serve` to make its administrator.")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// A command's work refused, as one sentence (no pointer to --help).
struct CommandFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
