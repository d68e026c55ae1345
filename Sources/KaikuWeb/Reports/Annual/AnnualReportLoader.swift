import FluentKit
import Foundation
import KaikuCore
import KaikuStore

/// Reads an annual report and shapes it for one language: shared by the API,
/// the staff pages and `kaiku reports annual`, so that all three give the
/// same document. The statement order and suppression are the summary API's.
enum AnnualReportLoader {
    static func load(organisation: Organisation, unit: OrgUnit, units: [OrgUnit], year: Int, language: Language,
                     catalogue: Catalogue, now: Date, on database: any Database) async throws -> AnnualReportModel {
        let history = try await SurveyStore.history(for: organisation, on: database)
        let data = try await AnnualReportQuery.load(
            organisation: organisation, unit: unit, units: units, year: year, statementOrder: history.reportStatementOrder,
            answeredOnly: history.droppedStatements, now: now, on: database)
        let entries = try await ThemeCatalogue.entries(organisationID: organisation.requireID(), on: database)
        let names = Dictionary(entries.map { entry in (entry.code, entry.name(in: language) { catalogue.text("theme.\($0)", language) }) },
                               uniquingKeysWith: { a, _ in a })
        return AnnualReportModel(data: data, organisation: organisation, unit: unit, units: units, history: history, themeNames: names,
                                 today: CalendarDay(date: now, timeZone: organisation.timeZone), language: language, catalogue: catalogue)
    }

    /// The years a report can be asked for: from 2000 to this year in the organisation's time zone.
    static func years(now: Date, timeZone: TimeZone) -> ClosedRange<Int> {
        AnnualReportQuery.firstYear...CalendarDay(date: now, timeZone: timeZone).year
    }

    /// The year from a query parameter: left out or empty means last year.
    static func year(_ raw: String?, now: Date, timeZone: TimeZone) throws -> Int {
        let years = years(now: now, timeZone: timeZone)
        guard let raw, !raw.isEmpty else { return max(years.upperBound - 1, years.lowerBound) }
        guard raw.count == 4, raw.allSatisfy(\.isASCII), let year = Int(raw), years.contains(year) else {
            throw FieldError(field: "year", message: "year must be a year from \(years.lowerBound) to \(years.upperBound), e.g. \(years.upperBound - 1).")
        }
        return year
    }
}
