import KaikuCore

/// What the widget shows as plain values: a line per period, already
/// formatted, with what a hidden figure is to be called, and where its two
/// links lead.
struct WidgetModel: Sendable {
    struct Line: Sendable, Equatable {
        enum Value: Sendable, Equatable {
            /// `nps` is nil when it is hidden while the count is shown; `one` picks the singular.
            case figures(nps: String?, answers: String, one: Bool)
            /// Hidden so that a smaller group's figure cannot be worked out.
            case complementary
            /// Below the organisation's minimum, written as the minimum.
            case fewerThan(String)
        }

        var period: PublicPeriodFigures.Key
        var value: Value
        /// Promoters, passives and detractors in percent, when the NPS is shown.
        var shares: [Int]? = nil
    }

    var organisationName: String
    var title: String
    var lines: [Line]
    /// The form to give feedback on, or the start page to find one.
    var feedbackHref: String
    /// The full figures page.
    var pageHref: String
    /// The newest "what we did" notes; the full page has the rest.
    var notes: [PublicFiguresModel.Note]

    /// The widget is small: two notes and a link to the page say enough.
    static let notesShown = 2

    init(_ figures: PublicFiguresModel) {
        let language = figures.language
        organisationName = figures.organisationName
        title = figures.title
        lines = [PublicPeriodFigures.Key.last12months, .last30days].compactMap { key in
            figures.period(key).map { period in
                Line(period: key, value: Self.value(of: period, minimumN: figures.minimumN, language: language),
                     shares: period.shares.map { [$0.promoters, $0.passives, $0.detractors] })
            }
        }
        feedbackHref = figures.feedback.url(language: language)
        pageHref = figures.address(figures.page)
        notes = Array(figures.notes.prefix(Self.notesShown))
    }

    static func value(of period: PublicPeriodFigures, minimumN: Int, language: Language) -> Line.Value {
        if let n = period.n {
            return .figures(nps: period.nps.map(FigureFormat.nps), answers: FigureFormat.count(n, language), one: n == 1)
        }
        if period.hidden == .complementary { return .complementary }
        return .fewerThan(FigureFormat.count(minimumN, language))
    }

    /// The widget's language: `?lang=`, else the browser's, else Finnish —
    /// never the staff cookie, which must not change what a shared cache keeps.
    static func language(query: String?, acceptLanguage: String?) -> Language {
        query.flatMap(Language.init(rawValue:)) ?? Language.preferred(fromAcceptLanguage: acceptLanguage) ?? .fi
    }
}
