/// An organisation's own question as an administrator hands it in: loose,
/// optional strings, so that `OwnQuestionRules` can name the field that is
/// wrong instead of a decoder failing on the whole body. The JSON API and
/// the editor page both speak it.
public struct OwnQuestionDraft: Sendable, Hashable, Codable {
    public struct Texts: Sendable, Hashable, Codable {
        public var fi: String?
        public var sv: String?
        public var en: String?

        public init(fi: String? = nil, sv: String? = nil, en: String? = nil) {
            self.fi = fi
            self.sv = sv
            self.en = en
        }

        public subscript(language: Language) -> String? {
            get {
                switch language {
                case .fi: fi
                case .sv: sv
                case .en: en
                }
            }
            set {
                switch language {
                case .fi: fi = newValue
                case .sv: sv = newValue
                case .en: en = newValue
                }
            }
        }
    }

    public struct Option: Sendable, Hashable, Codable {
        public var id: String?
        public var text: Texts?

        public init(id: String? = nil, text: Texts? = nil) {
            self.id = id
            self.text = text
        }
    }

    public var id: String?
    public var type: String?
    public var text: Texts?
    public var options: [Option]?

    public init(id: String? = nil, type: String? = nil, text: Texts? = nil, options: [Option]? = nil) {
        self.id = id
        self.type = type
        self.text = text
        self.options = options
    }

    /// The draft of a question already published, for editing it again.
    public init(_ question: Question) {
        self.init(
            id: question.id, type: question.type.rawValue, text: Texts(question.text),
            options: question.type == .choice ? question.options?.map { Option(id: $0.value, text: Texts($0.text)) } : nil)
    }
}

extension OwnQuestionDraft.Texts {
    init(_ text: LocalizedText) {
        self.init(fi: text.fi, sv: text.sv, en: text.en)
    }
}
