import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// The SMS gateway's webhook for delivery reports: `POST
/// /api/v1/sms/delivery-reports` with `Authorization: Bearer
/// <KAIKU_SMS_WEBHOOK_TOKEN>` and `{"reference" or "id", "status", "detail"?}`.
/// A delivered or failed answer shows in its case's history; interim states
/// that gateways also report (accepted, sent, buffered) are acknowledged and ignored.
struct SMSDeliveryReportController: RouteCollection {
    struct Report: Content {
        var reference: String?
        var id: String?
        var status: String
        var detail: String?
    }

    static let failedStatuses: Set<String> = ["failed", "undeliverable", "undelivered", "rejected", "expired"]
    static let interimStatuses: Set<String> = ["accepted", "sent", "buffered", "enroute", "queued"]

    func boot(routes: any RoutesBuilder) throws {
        routes.post("api", "v1", "sms", "delivery-reports", use: receive)
    }

    func receive(_ request: Request) async throws -> Response {
        try SMSWebhookToken.check(request)
        let report = try request.decodeJSON(Report.self)
        let status = report.status.lowercased()
        let outcome: SMSDelivery.Status
        if status == "delivered" {
            outcome = .delivered
        } else if Self.failedStatuses.contains(status) {
            outcome = .failed
        } else if Self.interimStatuses.contains(status) {
            return Response(status: .accepted)
        } else {
            throw FieldError(field: "status", message: "status must be delivered or failed (or an interim state such as accepted or sent).")
        }
        for (field, value) in [("reference", report.reference), ("id", report.id), ("detail", report.detail)] {
            if let value, value.codePointCount > 500 || value.containsStrayControlCharacters {
                throw FieldError(field: field, message: "\(field) must be at most 500 characters of text.")
            }
        }
        guard report.reference != nil || report.id != nil else {
            throw FieldError(field: "reference", message: "Give the message's reference (Kaiku's) or id (the gateway's).")
        }
        do {
            try await SMSDelivery.report(reference: report.reference, gatewayID: report.id, status: outcome, detail: report.detail,
                                         now: request.kaiku.clock.now, on: request.db)
        } catch SMSDelivery.ReportError.unknownMessage {
            throw FieldError(status: .notFound, field: report.reference != nil ? "reference" : "id", message: "No message Kaiku sent has this reference or id.")
        }
        return Response(status: .noContent)
    }
}
