/// An organisation's survey versions seen together: which statements its
/// reports show and which question ids answers may still name. Versions are
/// compared by question id, never by position, because a statement's slot
/// differs from version to version.
public struct SurveyHistory: Sendable {
    /// Every version, the one in force first, the others newest first.
    public var versions: [SurveyDefinition]

    public init(current: SurveyDefinition, earlier: [SurveyDefinition]) {
        versions = [current] + earlier.filter { $0 != current }.sorted { $0.version > $1.version }
    }

    public var current: SurveyDefinition { versions[0] }

    /// The statements a report lists: those in force, then those of earlier
    /// versions that were dropped since (newest first), each once.
    public var reportStatementOrder: [String] {
        var seen = Set<String>()
        var order: [String] = []
        for version in versions {
            for statement in version.statements where seen.insert(statement.id).inserted { order.append(statement.id) }
        }
        return order
    }

    /// Statements no longer asked: a report shows them only where they have answers.
    public var droppedStatements: Set<String> {
        Set(reportStatementOrder).subtracting(current.statements.map(\.id))
    }

    /// Ids of questions earlier versions asked and the one in force does not:
    /// a kiosk that went offline with an old version may still send them.
    public var retiredQuestionIDs: Set<String> {
        let now = Set(current.questions.map(\.id))
        return Set(versions.dropFirst().flatMap { $0.questions.map(\.id) }).subtracting(now)
    }
}
