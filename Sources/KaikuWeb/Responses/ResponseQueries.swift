import Fluent
import Foundation
import KaikuStore
import SQLKit

enum ResponseQueries {
    /// Joins responses with their statement answers and target codes.
    static func dtos(for responses: [FeedbackResponse], scope: StaffScope, on database: any Database) async throws -> [ResponseDTO] {
        guard !responses.isEmpty else { return [] }
        let ids = responses.compactMap(\.id)
        let sql = database as! any SQLDatabase
        var statements: [UUID: [String: Int?]] = [:]
        for chunk in ids.chunked(into: 500).map(Array.init) {
            let rows = try await sql.select().columns("response_id", "question_id", "value")
                .from(StatementAnswer.schema).where("response_id", .in, chunk).all()
            for row in rows {
                let value = try row.decode(column: "value", as: Int.self)
                statements[try row.decode(column: "response_id", as: UUID.self), default: [:]][try row.decode(column: "question_id", as: String.self)] = value == 0 ? .some(nil) : .some(value)
            }
        }
        let targets = try await Target.query(on: database).filter(\.$id ~~ Set(responses.map(\.targetID))).all()
        let targetCodes = Dictionary(uniqueKeysWithValues: targets.map { ($0.id!, $0.code) })
        return responses.map { response in
            var answers = statements[response.id!] ?? [:]
            if let score = response.recommendation { answers["nps"] = .some(score) }
            return ResponseDTO(
                id: response.id!, receipt: response.receipt, target: targetCodes[response.targetID] ?? "",
                unit: scope.units[response.unitID]?.code ?? "", channel: response.channel, language: response.language,
                respondent: response.respondent, ageGroup: response.ageGroup, serviceMode: response.serviceMode,
                answers: answers, openText: response.openText,
                maskedKinds: response.maskedKinds?.split(separator: ",").map(String.init) ?? [],
                themes: response.themes?.split(separator: ",").map(String.init) ?? [], sentiment: response.sentiment,
                answeredAt: response.answeredAt, receivedAt: response.receivedAt, wantsAnswer: response.wantsAnswer)
        }
    }
}
