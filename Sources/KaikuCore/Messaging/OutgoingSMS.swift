/// A text message Kaiku sends through the organisation's SMS gateway.
public struct OutgoingSMS: Sendable, Hashable {
    /// E.164, e.g. `+358401234567`.
    public var to: String
    public var text: String
    /// Kaiku's own id for the message, echoed back in delivery reports.
    public var reference: String

    public init(to: String, text: String, reference: String) {
        self.to = to
        self.text = text
        self.reference = reference
    }
}

/// What the gateway said when it accepted a message.
public struct SMSAcceptance: Sendable, Hashable {
    public var gatewayID: String?

    public init(gatewayID: String?) {
        self.gatewayID = gatewayID
    }
}

/// Sends SMS. The live implementation posts to an HTTP gateway; tests use a recorder.
public protocol SMSSender: Sendable {
    func send(_ message: OutgoingSMS) async throws -> SMSAcceptance
}
