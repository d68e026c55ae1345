import FluentKit
import Foundation
import KaikuCore

/// An organisation's stored `SMSSurveySettings`; `units` is a comma list of unit ids.
public final class SMSSurveySettingsRow: Model, @unchecked Sendable {
    public static let schema = "sms_survey_settings"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "enabled") public var enabled: Bool
    @Field(key: "delay_minutes") public var delayMinutes: Int
    @Field(key: "quiet_start") public var quietStart: Int
    @Field(key: "quiet_end") public var quietEnd: Int
    @Field(key: "once_per_days") public var oncePerDays: Int
    @Field(key: "units") public var units: String

    public init() {}

    public var settings: SMSSurveySettings {
        SMSSurveySettings(enabled: enabled, delayMinutes: delayMinutes, quietStart: quietStart, quietEnd: quietEnd, oncePerDays: oncePerDays,
                          units: Set(units.split(separator: ",").compactMap { UUID(uuidString: String($0)) }))
    }

    func apply(_ settings: SMSSurveySettings) {
        enabled = settings.enabled
        delayMinutes = settings.delayMinutes
        quietStart = settings.quietStart
        quietEnd = settings.quietEnd
        oncePerDays = settings.oncePerDays
        units = settings.units.map(\.uuidString).sorted().joined(separator: ",")
    }
}
