import ConsoleKit
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `kaiku reports annual --year YYYY [--unit CODE] [--org CODE] [--lang fi|sv|en] --output FILE.pdf`:
/// the annual customer report of a unit (the organisation's root by
/// default) as the API makes it, printed to PDF by headless Chromium, or
/// written as HTML when FILE ends in `.html`. The file's path alone goes to
/// standard output.
struct ReportsAnnualCommand: KaikuCommand {
    struct Signature: CommandSignature {
        @Option(name: "year", help: "The calendar year, e.g. 2026.")
        var year: String?
        @Option(name: "unit", help: "The unit's code; the whole organisation when left out.")
        var unit: String?
        @Option(name: "org", help: "The organisation's code; needed when the database holds several.")
        var org: String?
        @Option(name: "lang", help: "The report's language: fi (default), sv or en.")
        var lang: String?
        @Option(name: "output", help: "Where to write the report: FILE.pdf (needs Chromium, KAIKU_CHROMIUM) or FILE.html.")
        var output: String?
        @Option(name: "data-dir", help: "Use the SQLite database in this directory instead of DATABASE_URL.")
        var dataDirectory: String?

        init() {}
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    var help: String { "Write the annual customer report of a unit and year as PDF (headless Chromium) or HTML." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let rawYear = try signature.$year.given() else { throw CommandUsageError("--year is needed, e.g. --year 2026.") }
        guard let output = try signature.$output.given() else { throw CommandUsageError("--output is needed, e.g. --output report.pdf.") }
        let format: AnnualReportFormat = output.lowercased().hasSuffix(".html") ? .html : .pdf
        guard format == .html || output.lowercased().hasSuffix(".pdf") else { throw CommandUsageError("--output must end in .pdf or .html.") }
        let language = try signature.$lang.given().map { raw in
            guard let language = Language(rawValue: raw) else { throw CommandUsageError("--lang must be fi, sv or en.") }
            return language
        } ?? .fi
        let app = try await context.openDatabase(dataDirectory: signature.$dataDirectory.given())
        let organisation = try await APIKeys.organisation(code: signature.$org.given(), on: app.db)
        let now = app.kaiku.clock.now
        let year: Int
        do {
            year = try AnnualReportLoader.year(rawYear, now: now, timeZone: organisation.timeZone)
        } catch let error as FieldError {
            throw CommandUsageError("--\(error.message)")
        }
        let units = try await OrgUnit.all(in: organisation.requireID(), on: app.db)
        let unit: OrgUnit
        if let code = try signature.$unit.given() {
            guard let found = units.first(where: { $0.code == code }) else {
                throw Failure(description: "There is no unit \(code) in organisation \(organisation.code).")
            }
            unit = found
        } else {
            guard let root = units.first(where: { $0.parentID == nil }) else { throw Failure(description: "Organisation \(organisation.code) has no root unit.") }
            unit = root
        }
        let catalogue = app.kaiku.catalogue
        let model = try await AnnualReportLoader.load(organisation: organisation, unit: unit, units: units, year: year, language: language,
                                                      catalogue: catalogue, now: now, on: app.db)
        let html = AnnualReportDocument(model: model, catalogue: catalogue).render()
        let data: Data
        switch format {
        case .html:
            data = Data(html.utf8)
        case .pdf:
            do {
                data = try await ChromiumPDFRenderer.fromEnvironment(ProcessInfo.processInfo.environment).pdf(html: html)
            } catch let error as PDFRenderingError {
                throw Failure(description: Self.describe(error))
            }
        }
        do {
            try data.write(to: URL(fileURLWithPath: output))
        } catch {
            throw Failure(description: "Cannot write \(output): its directory must exist and be writable.")
        }
        FileHandle.standardError.write(Data("Wrote the annual report \(year) of \(unit.code) (\(data.count) bytes).\n".utf8))
        print(output)
    }

    static func describe(_ error: PDFRenderingError) -> String {
        switch error {
        case .unavailable(let reason): reason
        case .busy: "Chromium is busy; try again."
        case .failed(let detail): "Chromium could not make the PDF: \(detail)"
        case .timedOut(let seconds): "Chromium did not finish the PDF within \(seconds) seconds."
        }
    }
}
