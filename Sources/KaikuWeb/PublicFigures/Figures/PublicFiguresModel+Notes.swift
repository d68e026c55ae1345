import Foundation
import KaikuCore

extension PublicFiguresModel {
    /// A note as the public reads it: in `language` when written in it, else in Finnish, with its day.
    static func note(_ text: UnitNoteText, publishedAt: Date, zone: TimeZone, language: Language) -> Note {
        let written: Language = switch language {
        case .fi: .fi
        case .sv: text.sv == nil ? .fi : .sv
        case .en: text.en == nil ? .fi : .en
        }
        return Note(text: text.text(in: language), language: written, publishedAt: publishedAt,
                    day: FigureFormat.day(CalendarDay(date: publishedAt, timeZone: zone), language))
    }
}
