import Foundation

/// The ways a rollup splits a unit's answers. Each answer counts once under
/// every dimension: in the whole (`all`), under its channel, its language,
/// who answered and their age group; an answer whose open text has themes
/// also under its themes and sentiment (`themes`, see `ThemeRollupValue`).
/// Splitting one dimension at a time keeps the rows few; combinations
/// (Swedish answers by kiosk) are not pre-aggregated.
public enum RollupDimension: String, Sendable, CaseIterable, Hashable, Codable {
    case all = ""
    case channel
    case language
    case respondent
    case ageGroup = "age"
    case themes
}

/// What an answer is, as far as rollups care: where, when, how, and its scores.
public struct RollupAnswer: Sendable {
    public var organisationID: UUID
    public var unitID: UUID
    public var surveyID: UUID
    public var day: CalendarDay
    public var channel: String
    public var language: String
    /// Empty when the customer did not say.
    public var respondent: String
    public var ageGroup: String
    public var recommendation: Int?
    /// Statement answers by slot (0-based, in the survey's statement order): 0 "cannot say", 1–5.
    public var statements: [(slot: Int, value: Int)]
    /// The `themes` dimension's value, nil when the answer has no themed open text.
    public var themes: String?

    public init(organisationID: UUID, unitID: UUID, surveyID: UUID, day: CalendarDay, channel: String, language: String, respondent: String?,
                ageGroup: String?, recommendation: Int?, statements: [(slot: Int, value: Int)], themes: String? = nil) {
        self.organisationID = organisationID
        self.unitID = unitID
        self.surveyID = surveyID
        self.day = day
        self.channel = channel
        self.language = language
        self.respondent = respondent ?? ""
        self.ageGroup = ageGroup ?? ""
        self.recommendation = recommendation
        self.statements = statements
        self.themes = themes
    }

    /// Nil when the answer does not count under the dimension.
    public func value(of dimension: RollupDimension) -> String? {
        switch dimension {
        case .all: ""
        case .channel: channel
        case .language: language
        case .respondent: respondent
        case .ageGroup: ageGroup
        case .themes: themes
        }
    }
}
