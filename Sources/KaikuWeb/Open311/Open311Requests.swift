import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Public feedback as GeoReport service requests, newest first. Only masked
/// open text, the place and how the case went are shown: never contact
/// details, scores, or anything a handler hid.
enum Open311Requests {
    /// GeoReport's default window when no dates are given.
    static let defaultDays = 90
    static let maxRequests = 1_000
    /// What `service_object_id` names: the unit that answers for the feedback.
    static let serviceObjectType = "kaiku:unit"

    static func list(_ request: Request) async throws -> Open311Document {
        let scope = try await Open311Scope.resolve(request)
        let filter = try await Open311RequestFilter.parse(request, scope: scope)
        let feedback = try await PublicFeedback.list(filter, on: request.db)
        return try await document(feedback, scope, request)
    }

    static func one(_ request: Request, id: String) async throws -> Open311Document {
        let scope = try await Open311Scope.resolve(request)
        guard let uuid = UUID(uuidString: id) else { throw Open311Error.notFound("No request with service_request_id \(id).") }
        var filter = scope.feedbackFilter(limit: 1)
        filter.ids = [uuid]
        let feedback = try await PublicFeedback.list(filter, on: request.db)
        guard !feedback.isEmpty else { throw Open311Error.notFound("No request with service_request_id \(id).") }
        return try await document(feedback, scope, request)
    }

    private static func document(_ feedback: [PublicFeedback], _ scope: Open311Scope, _ request: Request) async throws -> Open311Document {
        let targetIDs = Set(feedback.map(\.targetID))
        let targets = try await Target.query(on: request.db).filter(\.$id ~~ targetIDs).all()
        let byID = Dictionary(uniqueKeysWithValues: targets.compactMap { target in target.id.map { ($0, target) } })
        let extensions = request.queryStrings["extensions"]?.lowercased() == "true"
        let objects = feedback.map { object($0, target: byID[$0.targetID], scope: scope, extensions: extensions) }
        return Open311Document(.list(objects, root: "service_requests", item: "request"))
    }

    static func object(_ feedback: PublicFeedback, target: Target?, scope: Open311Scope, extensions: Bool) -> Open311Object {
        let organisation = feedback.organisationID
        let status = Open311History.status(caseStatus: feedback.caseStatus)
        let steps = Open311History.steps(receivedAt: feedback.receivedAt, caseStatus: feedback.caseStatus, events: feedback.events)
        let unit = scope.units[feedback.unitID]
        var object = Open311Object()
        object.add("service_request_id", feedback.id.uuidString.lowercased())
        object.add("status", status.rawValue)
        object.add("service_name", target?.name[scope.language])
        object.add("service_code", target?.code)
        object.add("description", feedback.text)
        object.add("agency_responsible", unit?.name[scope.language])
        object.add("requested_datetime", scope.time(feedback.answeredAt, organisation: organisation))
        object.add("updated_datetime", scope.time(steps.last?.at ?? feedback.receivedAt, organisation: organisation))
        if status == .open, let due = feedback.dueAt {
            object.add("expected_datetime", scope.time(due, organisation: organisation))
        }
        guard extensions else { return object }
        object.add("title", FeedbackTitle.make(from: feedback.text))
        object["media_urls"] = .list([], item: "media_url")
        object.add("service_object_id", unit?.code)
        object.add("service_object_type", unit.map { _ in Self.serviceObjectType })
        object["request_history"] = .list(steps.map { step in
            var entry = Open311Object()
            entry.add("time", scope.time(step.at, organisation: organisation))
            entry.add("status", step.step.rawValue)
            return .object(entry)
        }, item: "history")
        return object
    }
}
