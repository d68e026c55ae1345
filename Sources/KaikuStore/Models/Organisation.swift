import FluentKit
import Foundation
import KaikuCore

/// A county or a city. Several may share one installation; every other
/// table points at its organisation so that queries can be scoped to it.
public final class Organisation: Model, @unchecked Sendable {
    public static let schema = "organisations"

    @ID(key: .id) public var id: UUID?
    @Field(key: "code") public var code: String
    @Field(key: "name_fi") public var nameFi: String
    @Field(key: "name_sv") public var nameSv: String
    @Field(key: "name_en") public var nameEn: String
    @Field(key: "time_zone") public var timeZoneID: String
    @Field(key: "minimum_n") public var minimumN: Int
    @Field(key: "promise_days") public var promiseDays: Int
    @OptionalField(key: "survey_id") public var surveyID: UUID?
    /// Days after a case closes that its contact details are kept.
    @Field(key: "retention_days") public var retentionDays: Int
    /// Shares organisation-level figures with the other organisations that opted in, and sees theirs.
    @Field(key: "benchmarking") public var benchmarking: Bool
    /// `OpenTextPublishing`: whether open text waits for a handler's approval before it is public.
    @Field(key: "publish_open_text") public var publishOpenText: String
    /// The languages offered to customers, comma-separated codes (`Organisation.offeredLanguages`).
    @Field(key: "languages") public var languagesList: String
    /// `calendarDays` or `workingDays`: how `promiseDays` is counted.
    @Field(key: "promise_in") public var promiseIn: String
    /// Local accounts must sign in with a second factor; those without one are taken to set it up.
    @Field(key: "require_second_factor") public var requireSecondFactor: Bool
    /// Staff sign in only through the organisation's identity provider; passwords work for break-glass administrators alone.
    @Field(key: "single_sign_on_only") public var singleSignOnOnly: Bool
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(id: UUID? = nil, code: String, name: LocalizedText, timeZoneID: String = "Europe/Helsinki",
                minimumN: Int = SuppressionPolicy.defaultMinimumN, promiseDays: Int = 14) {
        self.id = id
        self.code = code
        self.nameFi = name.fi
        self.nameSv = name.sv
        self.nameEn = name.en
        self.timeZoneID = timeZoneID
        self.minimumN = minimumN
        self.promiseDays = promiseDays
        self.retentionDays = 365
        self.benchmarking = false
        self.publishOpenText = OpenTextPublishing.default.rawValue
        self.languagesList = Language.allCases.map(\.rawValue).joined(separator: ",")
        self.promiseIn = "calendarDays"
        self.requireSecondFactor = false
        self.singleSignOnOnly = false
    }

    public var name: LocalizedText { LocalizedText(fi: nameFi, sv: nameSv, en: nameEn) }
    public var timeZone: TimeZone { TimeZone(identifier: timeZoneID) ?? TimeZone(identifier: "Europe/Helsinki")! }
    public var openTextPublishing: OpenTextPublishing { OpenTextPublishing(rawValue: publishOpenText) ?? .default }
    public var suppression: SuppressionPolicy { SuppressionPolicy(minimumN: minimumN) }

    /// The languages offered to customers in catalogue order; Finnish always,
    /// whatever the stored list says.
    public var offeredLanguages: [Language] {
        let listed = Set(languagesList.split(separator: ",").compactMap { Language(rawValue: String($0)) })
        return Language.allCases.filter { $0 == .fi || listed.contains($0) }
    }
}
