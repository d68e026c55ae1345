/// A versioned survey: the THL national core followed by the organisation's
/// own statements. Answers keep the version they were given under, so an
/// edited survey never changes the meaning of old answers.
public struct SurveyDefinition: Sendable, Hashable, Codable {
    public struct ScaleLabels: Sendable, Hashable, Codable {
        public var labels: [String: LocalizedText]

        public init(labels: [String: LocalizedText]) { self.labels = labels }

        public init(from decoder: any Decoder) throws {
            labels = try [String: LocalizedText](from: decoder)
        }

        public func encode(to encoder: any Encoder) throws {
            try labels.encode(to: encoder)
        }

        public subscript(key: String) -> LocalizedText? { labels[key] }
    }

    /// The id of the recommendation question in every survey.
    public static let recommendationID = "nps"

    public var code: String
    public var version: Int
    public var source: String?
    public var scale1to5Labels: ScaleLabels
    public var scale0to10Labels: ScaleLabels
    public var questions: [Question]

    public init(
        code: String, version: Int, source: String? = nil,
        scale1to5Labels: ScaleLabels, scale0to10Labels: ScaleLabels, questions: [Question]
    ) {
        self.code = code
        self.version = version
        self.source = source
        self.scale1to5Labels = scale1to5Labels
        self.scale0to10Labels = scale0to10Labels
        self.questions = questions
    }

    public var statements: [Question] { questions.filter { $0.type == .scale1to5 } }

    public func question(_ id: String) -> Question? { questions.first { $0.id == id } }

    /// The organisation's own questions, in order.
    public var ownQuestions: [Question] { questions.filter(\.isOwn) }

    /// The national core alone: what every version of an organisation's survey starts from.
    public var core: SurveyDefinition {
        var copy = self
        copy.questions = questions.filter { !$0.isOwn }
        return copy
    }

    /// Appends an organisation's own statements after the national core,
    /// refusing ids that would shadow a national question.
    public func extended(with own: [Question], version: Int) throws -> SurveyDefinition {
        for question in own where self.question(question.id) != nil {
            throw SurveyError.duplicateQuestion(question.id)
        }
        var copy = self
        copy.version = version
        let own = own.map { question in
            var marked = question
            marked.own = true
            return marked
        }
        let backgroundStart = copy.questions.firstIndex { $0.type == .choice } ?? copy.questions.endIndex
        copy.questions.insert(contentsOf: own, at: backgroundStart)
        return copy
    }
}

public enum SurveyError: Error, Equatable, Sendable {
    case duplicateQuestion(String)
}
