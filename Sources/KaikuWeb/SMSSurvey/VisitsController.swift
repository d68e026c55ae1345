import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `POST /api/v1/visits`: a patient or client system reports a visit, with
/// an API key with the `visits` scope (`kaiku api-key create --scope visits`) as `Authorization: Bearer`. The
/// answer says whether a question will be sent, and if not, why.
struct VisitsController: RouteCollection {
    struct VisitDTO: Content {
        var visitId: String
        var time: String
        var unit: String
        var target: String?
        var phone: String?
        var language: String?
        var consent: Bool
        var nonDisclosure: Bool
    }

    struct ReceivedDTO: Content {
        var id: UUID
        var status: String
        var reason: String?
        var sendAt: Date?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.post("api", "v1", "visits", use: create)
    }

    func create(_ request: Request) async throws -> Response {
        guard let key = request.headers.bearerAuthorization?.token, let client = try await APIKeys.client(forKey: key, on: request.db) else {
            throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer"], reason: "Send a system client's API key as Authorization: Bearer <key>.")
        }
        // Visits make Kaiku send text messages to any number given, so only a key issued for it may report them.
        guard client.allows(.visits) else {
            throw Abort(.forbidden, reason: "This API key may not report visits; an operator issues one with `kaiku api-key create --name NAME --scope visits`.")
        }
        let body = try request.decodeJSON(VisitDTO.self)
        let intake = try await VisitIntakeParser.parse(
            visitID: body.visitId, time: body.time, unit: body.unit, target: body.target, phone: body.phone, language: body.language,
            consent: body.consent, nonDisclosure: body.nonDisclosure, directory: VisitDirectory(organisationID: client.organisationID),
            on: request.db)
        let context = try await SMSSurveyStore.intakeContext(organisationID: client.organisationID, on: request.db)
        let visit: Visit, isNew: Bool
        do {
            // The visit and its question's job are stored together: a visit that is known must have its question scheduled.
            (visit, isNew) = try await request.db.writeTransaction { database in
                let received = try await SMSSurveyStore.receive(intake, organisationID: client.organisationID, context: context,
                                                                cipher: request.kaiku.cipher, now: request.kaiku.clock.now, on: database)
                if received.isNew { try await SMSSurveyJobs.schedule(received.visit, on: database) }
                return received
            }
        } catch {
            // The same visit sent twice at once: the unique key let one in, and the other is the known visit.
            guard let known = try await Visit.query(on: request.db).filter(\.$organisationID == client.organisationID)
                .filter(\.$externalID == intake.externalID).first() else { throw error }
            (visit, isNew) = (known, false)
        }
        let response = Response(status: isNew ? .accepted : .ok)
        try response.content.encode(ReceivedDTO(id: try visit.requireID(), status: visit.status, reason: visit.skipReason, sendAt: visit.sendAt), as: .json)
        return response
    }
}
