import Foundation
import KaikuCore

/// The notes page of one unit as plain values: the unit chooser, the form
/// (a new note, or the one being edited) with its error, and the unit's
/// notes newest first, published or not.
struct NotesModel {
    struct Note: Equatable {
        var id: UUID
        var text: UnitNoteText
        /// When it went public, as the page's language writes a day; nil while it is a draft.
        var published: String?
        var written: String
    }

    /// What the form shows: as sent when refused, else empty or the note being edited.
    struct Draft: Equatable {
        var fi = ""
        var sv = ""
        var en = ""
        var publish = false
    }

    var unitCode: String
    var unitName: String
    var unitOptions: [UnitOption]
    var notes: [Note]
    /// The note being edited; nil for a new one.
    var editing: UUID?
    var draft = Draft()
    var problem: UnitNoteText.Problem?
    /// A catalogue key saying what was just done.
    var notice: String?
    /// The unit's public figures page, where published notes show.
    var publicPage: String
    /// A closed unit's notes are not shown to the public.
    var closed: Bool

    /// The form's field for a problem: the language's text box.
    var errorField: String? { problem.map { "f-\($0.language.rawValue)" } }

    /// `done=` after a change, as the redirect names it; anything else is no notice.
    static let doneKinds = ["added", "updated", "published", "withdrawn", "deleted"]

    static func notice(done: String?) -> String? {
        guard let done, doneKinds.contains(done) else { return nil }
        return "staff.notes.done.\(done)"
    }

    static func message(_ problem: UnitNoteText.Problem) -> (key: String, arguments: [String: String]) {
        switch problem {
        case .missingFinnish: ("staff.notes.error.missingFinnish", [:])
        case .tooLong: ("staff.notes.error.tooLong", ["max": String(UnitNoteText.maxLength)])
        case .controlCharacters: ("staff.notes.error.control", [:])
        }
    }

    /// A day as each language writes it.
    static func day(_ date: Date, zone: TimeZone, language: Language) -> String {
        DashboardFormat(language: language).day(CalendarDay(date: date, timeZone: zone))
    }
}
