import Vapor

/// Which words an error page has for a status: most errors get the same
/// plain page, told apart only where a person can act differently.
struct ErrorModel: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case notFound
        /// The one refusal a customer can do something about: wait and send again.
        case tooMany
        /// A feedback target that once took feedback (its form may still hang on a wall) but is closed now.
        case gone
        case generic
    }

    var kind: Kind

    init(status: HTTPResponseStatus) {
        kind = switch status {
        case .notFound: .notFound
        case .tooManyRequests: .tooMany
        case .gone: .gone
        default: .generic
        }
    }
}
