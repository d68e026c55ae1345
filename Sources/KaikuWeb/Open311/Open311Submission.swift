import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `POST /requests`: new feedback from an approved client, form-encoded as
/// GeoReport says, with the client's `api_key`. The feedback is stored like
/// any other answer (channel "open311", open text masked); contact details,
/// when given, go to the case that the customer's answer is owed through.
enum Open311Submission {
    struct Form: Content {
        var api_key: String?
        var service_code: String?
        var description: String?
        var title: String?
        var email: String?
        var first_name: String?
        var last_name: String?
        var phone: String?
        var locale: String?
    }

    static func create(_ request: Request) async throws -> Open311Document {
        let form: Form
        do {
            form = try request.content.decode(Form.self)
        } catch {
            throw Open311Error.badRequest("Send the request form-encoded (application/x-www-form-urlencoded or multipart/form-data).")
        }
        guard let key = form.api_key?.trimmingCharacters(in: .whitespaces), !key.isEmpty,
              let client = try await APIKeys.client(forKey: key, on: request.db) else {
            throw Open311Error(status: .forbidden, description: "A valid api_key is required to post requests.")
        }
        guard client.allows(.open311) else {
            throw Open311Error(status: .forbidden, description: "This api_key may not post requests: it was issued without the open311 scope.")
        }
        guard let code = form.service_code?.trimmingCharacters(in: .whitespaces), !code.isEmpty else {
            throw Open311Error.badRequest("service_code is required: one of the codes that services.json lists.")
        }
        guard PlainIdentifier.isPlain(code, maxLength: 100),
              let target = try await Target.query(on: request.db).filter(\.$code == code).filter(\.$active == true).first(),
              target.organisationID == client.organisationID, try await Directory.isOffered(target, on: request.db) else {
            throw Open311Error.badRequest("service_code \(code) is not a service here: see services.json.")
        }
        guard let description = form.description?.trimmingCharacters(in: .whitespacesAndNewlines), !description.isEmpty else {
            throw Open311Error.badRequest("description is required: the feedback itself.")
        }
        let title = form.title?.trimmingCharacters(in: .whitespacesAndNewlines)
        let text = title.map { $0.isEmpty ? description : $0 + "\n" + description } ?? description
        let name = [form.first_name, form.last_name].compactMap { $0?.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        let contact = SubmissionInput.Contact(name: name.isEmpty ? nil : name, email: nonEmpty(form.email), phone: nonEmpty(form.phone))
        let reachable = contact.email != nil || contact.phone != nil
        let language = (form.locale ?? request.queryStrings["locale"]).flatMap(Language.init(loose:)) ?? .fi
        let input = SubmissionInput(channel: KaikuCore.Channel.open311.rawValue, language: language.rawValue, answers: [:], openText: text,
                                    contact: reachable ? contact : nil, wantsAnswer: reachable)
        let stored = try await CaseRateLimiter.limit(input, on: request) {
            try await SubmissionService.submit(
                targetCode: target.code, input: input, idempotencyKey: nil, fingerprint: Array(key.utf8),
                requireRecommendation: false, on: request)
        }
        var created = Open311Object()
        created.add("service_request_id", stored.id.uuidString.lowercased())
        return Open311Document(.list([created], root: "service_requests", item: "request"))
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let trimmed = value?.trimmingCharacters(in: .whitespaces), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
