/// One stored answer as the exports read it: codes instead of ids, the open
/// text as stored (masked when it arrived), never contact details.
public struct AnswerRecord: Sendable, Equatable {
    public var id: String
    /// Seconds since 1970.
    public var answeredAt: Double
    /// `yyyymmdd` in the organisation's time zone.
    public var localDay: Int
    public var unit: String
    public var target: String
    public var channel: String
    public var language: String
    public var respondent: String?
    public var ageGroup: String?
    public var serviceMode: String?
    public var recommendation: Int?
    /// The answer's survey, as an index into the layout's `StatementColumns`.
    public var survey: Int?
    /// Statement values as stored (see `StatementColumns`).
    public var statements: String?
    /// As stored: ",care,thanks,".
    public var themes: String?
    public var sentiment: String?
    public var openText: String?

    public init(id: String, answeredAt: Double, localDay: Int, unit: String, target: String, channel: String, language: String,
                respondent: String? = nil, ageGroup: String? = nil, serviceMode: String? = nil, recommendation: Int? = nil,
                survey: Int? = nil, statements: String? = nil, themes: String? = nil, sentiment: String? = nil, openText: String? = nil) {
        self.id = id
        self.answeredAt = answeredAt
        self.localDay = localDay
        self.unit = unit
        self.target = target
        self.channel = channel
        self.language = language
        self.respondent = respondent
        self.ageGroup = ageGroup
        self.serviceMode = serviceMode
        self.recommendation = recommendation
        self.survey = survey
        self.statements = statements
        self.themes = themes
        self.sentiment = sentiment
        self.openText = openText
    }

    /// The themes without the stored framing commas, strongest first.
    public var themeList: [Substring] {
        themes?.split(separator: ",") ?? []
    }
}
