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

        /// The state from the stored columns, for lists read without whole models (the feedback feed).
        public init(hasText: Bool, hidden: Bool, publishedAt: Date?, publishing: OpenTextPublishing) {
            if !hasText {
                self = .none
            } else if hidden {
                self = .withdrawn
            } else if publishedAt != nil || publishing == .immediately {
                self = .published
            } else {
                self = .waiting
            }
        }
    }

    public func publicState(publishing: OpenTextPublishing) -> PublicState {
        PublicState(hasText: openText != nil, hidden: hiddenFromPublic, publishedAt: publishedAt, publishing: publishing)
    }

    /// The text the public sees once published: the handler's edit, or the masked open text.
    public var publishedText: String? { publicText ?? openText }
}
