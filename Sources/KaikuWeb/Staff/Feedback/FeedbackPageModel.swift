import Foundation
import KaikuCore
import KaikuStore

/// What the feed page shows, as plain values: one page of answers with open
/// text, the filter choices, and the outcome of the last action.
struct FeedbackPageModel: Sendable {
    struct Item: Sendable, Equatable {
        var id: UUID
        /// Masked, the mask tokens in words of the page's language.
        var text: String
        /// The language the text is written in.
        var language: String
        var target: String
        var unit: String
        var channel: String
        var score: Int?
        var themeCodes: [String]
        var themeNames: [String]
        var sentiment: Sentiment?
        var received: String
        var read: Bool
        var flagged: Bool
        var publicState: FeedbackResponse.PublicState

        var anchor: String { "item-\(id.uuidString)" }
    }

    struct Option: Sendable, Equatable {
        var code: String
        var name: String
    }

    /// A correction the page refused, shown again in its item with the reason.
    struct Refusal: Sendable, Equatable {
        var id: UUID
        var themes: [String]
        var sentiment: String?
        var message: String
    }

    static let pageSize = 50

    var filters: FeedbackFilters
    var page: Int
    var items: [Item]
    var hasNext: Bool
    var units: [UnitOption]
    var targets: [Option]
    var themes: [Option]
    /// Handlers, supervisors and administrators act on items; analysts only mark what they have read.
    var canAct: Bool
    /// Catalogue key of the action just taken.
    var notice: String?
    /// A filter value that was refused: its field and what to do.
    var filterError: (field: String, message: String)?
    var refusal: Refusal?

    /// A page number from the address, bounded so no offset can overflow.
    static func page(_ raw: String?) -> Int {
        max(1, min(10_000, raw.flatMap { Int($0) } ?? 1))
    }

    /// The notice for a `done` value of the address; anything else shows none.
    static func notice(done: String?) -> String? {
        done.flatMap(SiteURL.FeedbackFormAction.init(rawValue:)).map { "staff.feedback.done.\($0.rawValue)" }
    }

    /// This page's address query: the filters and, after the first, the page.
    var query: [(String, String)] {
        filters.query + (page > 1 ? [("page", String(page))] : [])
    }

    func url(page: Int) -> String {
        SiteURL.staff(.feedback).url(filters.query + (page > 1 ? [("page", String(page))] : []))
    }

    var csvURL: String { SiteURL.staff(.feedbackCSV).url(filters.query) }

    var hasPrevious: Bool { page > 1 }

    /// An answer as an item: its themes named (defaults from the catalogue,
    /// own ones by the organisation; a code no longer known shown as it is).
    static func item(_ row: FeedbackFeed.Row, target: String, unit: String, themeNames: [String: String], zone: TimeZone,
                     publishing: OpenTextPublishing, context: PageContext) -> Item {
        Item(id: row.id, text: StaffForm.unmaskTokens(row.openText, catalogue: context.catalogue, language: context.language),
             language: row.language, target: target, unit: unit, channel: row.channel, score: row.recommendation,
             themeCodes: row.themes, themeNames: row.themes.map { themeNames[$0] ?? $0 },
             sentiment: row.sentiment.flatMap(Sentiment.init(rawValue:)), received: StaffForm.date(row.receivedAt, in: zone),
             read: row.read, flagged: row.flagged, publicState: row.publicState(publishing: publishing))
    }
}
