import Foundation

/// The simulated gateway's memory: messages received, their delivery
/// status, and the failures queued up by tests. An actor, because requests
/// arrive on many event loops at once.
public actor SMSSimulatorStore {
    public struct Message: Codable, Sendable, Equatable {
        public enum Status: String, Codable, Sendable {
            /// Taken by the gateway, not yet on the handset.
            case accepted
            case delivered
            case failed
        }

        public var id: String
        public var to: String
        public var from: String?
        public var text: String
        public var reference: String?
        public var status: Status
        public var receivedAt: Date
        public var statusChangedAt: Date?
    }

    public private(set) var messages: [Message] = []
    /// Every `POST /messages`, answered or refused, so tests can count retries.
    public private(set) var requestCount = 0
    /// Where delivery reports go; settable while running, since a test's
    /// Kaiku may start after its gateway.
    public private(set) var callback: SMSGatewaySimulator.Callback?

    private var nextID = 1
    private var failuresLeft = 0
    private var failureStatus = 503

    public init(callback: SMSGatewaySimulator.Callback? = nil) {
        self.callback = callback
    }

    private var replies = 0

    func nextReplyNumber() -> Int {
        replies += 1
        return replies
    }

    public func setCallback(_ callback: SMSGatewaySimulator.Callback?) {
        self.callback = callback
    }

    /// Counts a request and says whether it should be failed on purpose,
    /// with which status.
    func admitRequest() -> Int? {
        requestCount += 1
        guard failuresLeft > 0 else { return nil }
        failuresLeft -= 1
        return failureStatus
    }

    /// Stores a message and returns it. A reference seen before returns the
    /// earlier message instead, as a de-duplicating gateway would, so a
    /// client's retry after a lost answer does not text the person twice.
    func accept(to: String, from: String?, text: String, reference: String?, at now: Date = Date()) -> (message: Message, isNew: Bool) {
        if let reference, !reference.isEmpty, let earlier = messages.first(where: { $0.reference == reference }) {
            return (earlier, false)
        }
        let message = Message(
            id: "sim-\(nextID)", to: to, from: from, text: text, reference: reference,
            status: .accepted, receivedAt: now, statusChangedAt: nil
        )
        nextID += 1
        messages.append(message)
        return (message, true)
    }

    public func message(id: String) -> Message? {
        messages.first { $0.id == id }
    }

    /// Marks a message delivered or failed, as the operator's report would.
    public func setStatus(_ status: Message.Status, id: String, at now: Date = Date()) -> Message? {
        guard let index = messages.firstIndex(where: { $0.id == id }) else { return nil }
        messages[index].status = status
        messages[index].statusChangedAt = now
        return messages[index]
    }

    /// The next `count` requests get `status` instead of being served.
    /// Replaces any failures still queued, so a test starts from what it asked for.
    public func failNext(_ count: Int, status: Int) {
        failuresLeft = count
        failureStatus = status
    }

    public var pendingFailures: Int { failuresLeft }

    /// Forgets messages, counts and queued failures; ids start again at
    /// sim-1. The callback address is configuration, not traffic, and stays.
    public func reset() {
        messages.removeAll()
        requestCount = 0
        nextID = 1
        failuresLeft = 0
        failureStatus = 503
    }
}
