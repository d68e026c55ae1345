/// One question of a survey. Survey definitions are data so that an
/// organisation can add its own statements without a release.
public struct Question: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, Hashable {
        /// The recommendation question, 0–10; its id is always `nps`.
        case scale0to10
        /// A statement on 1–5; "cannot say" is answered as `null`.
        case scale1to5
        case text
        case choice
    }

    public struct Option: Sendable, Hashable, Codable {
        public var value: String
        public var text: LocalizedText

        public init(value: String, text: LocalizedText) {
            self.value = value
            self.text = text
        }
    }

    public var id: String
    public var type: Kind
    public var text: LocalizedText
    public var options: [Option]?
    /// True for the organisation's own questions after the national core;
    /// absent (nil) in the core and in definitions stored before own questions existed.
    public var own: Bool?

    public init(id: String, type: Kind, text: LocalizedText, options: [Option]? = nil, own: Bool? = nil) {
        self.id = id
        self.type = type
        self.text = text
        self.options = options
        self.own = own
    }

    public var isOwn: Bool { own == true }
}
