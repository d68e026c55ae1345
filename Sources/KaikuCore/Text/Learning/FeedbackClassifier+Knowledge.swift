import Foundation

/// A stored classifier is only as good as the features and built-in examples it was
/// trained with: after an upgrade changes either, its hashed weights would be read by
/// different features. Every trained state carries this stamp; a state with another one
/// is stale, counts as untrained, and is retrained from the organisation's corrections.
extension FeedbackClassifier {
    /// Bump when `FeedbackFeatures`, `LightStemmer`, `FeedbackCues`, the training or the second
    /// stage (`ThemeStacker`, `FeedbackClauses`) change what a stored model means; the built-in
    /// examples are stamped by their own content. 6: the second stage of the default themes.
    static let featureVersion = 6

    /// The knowledge of this build: feature version and a hash of the built-in examples.
    public static let currentKnowledge: String = {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in BuiltInExamples.jsonLines.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return "features-\(featureVersion).examples-\(String(hash, radix: 16))"
    }()

    /// Whether this classifier was trained with this build's features and built-in examples.
    public var isCurrent: Bool { knowledge == Self.currentKnowledge }

    /// `isCurrent` of a stored state without building its model (the start-up check reads every organisation's).
    public static func isCurrent(encoded state: Data) -> Bool {
        struct Stamp: Decodable { var knowledge: String? }
        return (try? JSONDecoder().decode(Stamp.self, from: state))?.knowledge == currentKnowledge
    }
}
