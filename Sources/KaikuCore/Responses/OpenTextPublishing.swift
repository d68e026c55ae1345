/// When an organisation's open text may appear in public (the Open311 list):
/// only after a handler has read and approved it, or at once. Masking cannot
/// recognise names, addresses or diagnoses, so review is the default.
public enum OpenTextPublishing: String, Sendable, Codable, CaseIterable {
    case afterReview
    case immediately

    public static let `default` = OpenTextPublishing.afterReview
}
