import Fluent
import Foundation
import KaikuStore
import SQLKit

enum ResponseQueries {
    /// Joins responses with their statement answers and target codes.
    static func dtos(for responses: [FeedbackResponse], scope: StaffScope, on database: any Database) async throws -> [ResponseDTO] {
        guard !responses.isEmpty else { return [] }
        let statementIDs = try await SurveyStatements.ids(for: Set(responses.map(\.surveyID)), on: database)
        let targets = try await Target.query(on: database).filter(\.$id ~~ Set(responses.map(\.targetID))).all()
        let targetCodes = Dictionary(uniqueKeysWithValues: targets.map { ($0.id!, $0.code) })
        let publishing = try await Organisation.find(scope.staff.organisationID, on: database)?.openTextPublishing ?? .default
        return responses.map { response in
            var answers: [String: Int?] = StatementValues.decode(response.statements, statementIDs: statementIDs[response.surveyID] ?? [])
                .mapValues { $0 == 0 ? nil : $0 }
            if let score = response.recommendation { answers["nps"] = .some(score) }
            let state = response.publicState(publishing: publishing)
            return ResponseDTO(
                id: response.id!, receipt: response.receipt, target: targetCodes[response.targetID] ?? "",
                unit: scope.units[response.unitID]?.code ?? "", channel: response.channel, language: response.language,
                respondent: response.respondent, ageGroup: response.ageGroup, serviceMode: response.serviceMode,
                answers: answers, ownAnswers: OwnAnswers.decode(response.ownAnswers), openText: response.openText,
                maskedKinds: response.maskedKinds?.split(separator: ",").map(String.init) ?? [],
                themes: response.themes?.split(separator: ",").map(String.init) ?? [], sentiment: response.sentiment,
                answeredAt: response.answeredAt, receivedAt: response.receivedAt, wantsAnswer: response.wantsAnswer,
                isPublic: state == .published, review: state.rawValue, publicText: response.publicText)
        }
    }
}
