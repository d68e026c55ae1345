import Vapor

/// A "what we did" note as the form posts it: the unit (for a new note), the
/// texts in Finnish, Swedish and English, and whether to publish at once.
struct NoteForm: Content, Sendable, Equatable {
    var unit: String?
    var fi: String?
    var sv: String?
    var en: String?
    var publish: String?

    init(unit: String? = nil, fi: String? = nil, sv: String? = nil, en: String? = nil, publish: String? = nil) {
        self.unit = unit
        self.fi = fi
        self.sv = sv
        self.en = en
        self.publish = publish
    }

    var publishNow: Bool { publish == "true" }
}
