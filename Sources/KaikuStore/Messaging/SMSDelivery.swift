import FluentKit
import Foundation
import KaikuCore

/// Ties SMS delivery reports back to the cases whose answers they concern.
public enum SMSDelivery {
    public enum Status: String, Sendable, CaseIterable {
        case delivered, failed
    }

    public enum ReportError: Error, Equatable {
        case unknownMessage
    }

    public static func track(reference: String, gatewayID: String?, caseID: UUID?, organisationID: UUID, now: Date,
                             on database: any Database) async throws {
        try await SMSMessage(organisationID: organisationID, caseID: caseID, reference: reference, gatewayID: gatewayID, sentAt: now)
            .create(on: database)
    }

    /// Records the gateway's report, found by Kaiku's reference or the
    /// gateway's own id, and notes it in the case history. A repeated report
    /// of the same status changes nothing, since gateways retry their callbacks.
    @discardableResult
    public static func report(reference: String?, gatewayID: String?, status: Status, detail: String?, now: Date,
                              on database: any Database) async throws -> SMSMessage {
        var query = SMSMessage.query(on: database)
        if let reference {
            query = query.filter(\.$reference == reference)
        } else if let gatewayID {
            query = query.filter(\.$gatewayID == gatewayID)
        } else {
            throw ReportError.unknownMessage
        }
        guard let message = try await query.first() else { throw ReportError.unknownMessage }
        guard message.status != status.rawValue else { return message }
        message.status = status.rawValue
        message.statusAt = now
        try await database.writeTransaction { db in
            try await message.save(on: db)
            if let caseID = message.caseID {
                let text = [status.rawValue, detail.map { String($0.prefix(200)) }].compactMap { $0 }.joined(separator: ": ")
                try await CaseEvent(caseID: caseID, at: now, kind: .delivery, detail: text).create(on: db)
            }
        }
        return message
    }
}
