import Foundation
import KaikuCore

extension FeedbackResponse {
    /// Where an answer's open text stands on its way to the public list.
    public enum PublicState: String, Sendable, Codable {
        /// No open text: nothing to publish.
        case none
        /// Not yet reviewed: not public in an organisation that reviews first.
        case waiting
        case published
        /// A handler decided to keep it out of the public list.
        case withdrawn
    }

    public func publicState(publishing: OpenTextPublishing) -> PublicState {
        guard openText != nil else { return .none }
        if hiddenFromPublic { return .withdrawn }
        if publishedAt != nil || publishing == .immediately { return .published }
        return .waiting
    }

    /// The text the public sees once published: the handler's edit, or the masked open text.
    public var publishedText: String? { publicText ?? openText }
}
