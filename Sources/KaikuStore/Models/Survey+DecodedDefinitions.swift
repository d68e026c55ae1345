import Foundation
import KaikuCore
import NIOConcurrencyHelpers

extension Survey {
    /// Decoded definitions by their stored JSON. A survey version is never
    /// edited, and the same text always decodes to the same definition, so
    /// reports need not decode every version of the survey on every request
    /// (5 % of a summary's time, BENCHMARKS.md). Bounded: an installation has
    /// a handful of versions per organisation.
    static let decoded = NIOLockedValueBox<[String: SurveyDefinition]>([:])
    static let decodedLimit = 256

    static func decodedDefinition(_ json: String) throws -> SurveyDefinition {
        if let known = decoded.withLockedValue({ $0[json] }) { return known }
        let definition = try JSONDecoder().decode(SurveyDefinition.self, from: Data(json.utf8))
        decoded.withLockedValue { cache in
            if cache.count >= decodedLimit { cache.removeAll() }
            cache[json] = definition
        }
        return definition
    }
}
