import Foundation
import KaikuCore
import KaikuStore
import XCTest
@testable import KaikuWeb

/// Every catalogue key the code asks for exists in Finnish, Swedish and
/// English (`CatalogueTests` checks that the three hold the same keys), so
/// that no page shows a bare key. Literal keys are found by reading the
/// sources; keys built from a value (`"channel.\(channel)"`) are checked by
/// enumerating the values, family by family.
final class CatalogueUsageTests: XCTestCase {
    /// Calls whose first argument, or arguments labelled so, name a key.
    private static let keyCalls = ["t", "text", "localized", "message", "refuse", "sendNow"]
    private static let keyLabels = ["key", "errorKey", "messageKey"]

    /// Keys built from a value, by the text before the interpolation, with the values it takes.
    private static func families() -> [String: [String]] {
        let channels = KaikuCore.Channel.allCases.map(\.rawValue)
        let statuses = CaseStatus.allCases.map(\.rawValue)
        let referrals = CaseOperations.referralKinds
        return [
            "channel.": channels,
            "staff.entry.channel.": EntryForm.channels.map(\.rawValue),
            "staff.status.": statuses,
            "status.case.": statuses,
            "status.step.": StatusModel.Step.Kind.allCases.map(\.rawValue),
            "admin.settings.": SettingsPage.checkboxes.flatMap { [$0, $0 + ".label", $0 + ".hint"] },
            "admin.identityProvider.": IdentityProviderPage.fields.flatMap { [$0, $0 + ".hint"] },
            "staff.filter.status.": CaseInbox.StatusFilter.allCases.map(\.rawValue),
            "theme.": Theme.allCases.map(\.rawValue),
            "sentiment.": Sentiment.allCases.map(\.rawValue),
            "mask.": MaskedKind.allCases.map(\.rawValue),
            "dashboard.language.": Language.allCases.map(\.rawValue),
            "dashboard.by.": DashboardQuery.breakdowns.map(\.rawValue),
            "dashboard.preset.": ReportPeriod.presets(today: CalendarDay(year: 2026, month: 6, day: 15) ?? .earliest).map(\.key),
            "staff.review.state.": publicStates.filter(listed).map(\.rawValue),
            "staff.kiosks.status.": kioskStatuses.filter(listed).map(\.rawValue),
            "staff.case.refer.": referrals,
            "referral.": referrals,
            "staff.event.": CaseEventKind.allCases.map(\.rawValue),
            "figures.period.": PublicPeriod.allCases.map(\.rawValue),
            "staff.admin.targets.status.": TargetListFilters.Status.allCases.map(\.rawValue),
            "staff.admin.targets.error.": TargetRefusal.Problem.messageKeys,
            "staff.admin.hub.": AdminHubModel.entries(wholeOrganisation: true).flatMap { [$0.key + ".title", $0.key + ".text"] },
            "staff.users.role.": User.Role.allCases.map(\.rawValue),
            "staff.users.state.": UserState.allCases.map(\.rawValue),
            "staff.users.done.": UserNotice.allCases.map(\.rawValue),
            "staff.feedback.score.": FeedbackFeed.ScoreBand.allCases.map(\.rawValue),
            "staff.feedback.action.": SiteURL.FeedbackFormAction.allCases.filter { $0 != .classification }.map(\.rawValue),
            "staff.notes.done.": NotesModel.doneKinds,
            "staff.ideas.status.": IdeaStatus.allCases.map(\.rawValue),
            "staff.ideas.done.": IdeaModel.doneKinds + ["submitted"],
            "staff.ideas.error.missing.": ["title", "description", "comment"],
            "staff.ideas.error.tooLong.": ["title", "description", "comment"],
            "idea.category.": IdeaCategoryDefaults.codes,
            "mail.idea.step.": IdeaStatus.allCases.map(\.rawValue),
            // The kinds `CaseNotifications` sends; an answer's body is the handler's own text.
            "monthlyReport.month.": (1...12).map(String.init),
            "account.language.": Language.allCases.map(\.rawValue),
            "admin.reports.status.": ReportDelivery.Status.allCases.map(\.rawValue),
            "admin.branding.name.": Language.allCases.map(\.rawValue),
            "admin.branding.notice.": BrandingModel.Notice.allCases.map(\.rawValue),
            "staff.posters.language.": Language.allCases.map(\.rawValue),
            "staff.posters.layout.": PostersModel.Layout.allCases.map(\.rawValue),
            "mail.": ["reminder.subject", "reminder.body", "escalation.subject", "escalation.body"],
        ]
    }

    /// Families whose values are a literal list written beside the call in
    /// the view (`for key in ["name", "unit", …]`): reading them would mean
    /// parsing Swift. They are named here so that any other new family fails
    /// the test below until its values are listed in `families()`.
    private static let listedBesideTheCall: Set<String> = [
        "dashboard.", "dashboard.cases.", "staff.case.contact.", "staff.inbox.column.", "staff.kiosks.col.",
        "staff.sms.figure.", "staff.stats.", "staff.admin.targets.col.",
    ]

    /// Not `CaseIterable` in the model, so listed here; the switches below
    /// stop compiling when a case is added, which brings one here to list it.
    private static let publicStates: [FeedbackResponse.PublicState] = [.none, .waiting, .published, .withdrawn]
    private static let kioskStatuses: [KioskStatus] = [.unpaired, .online, .offline]

    private static func listed(_ state: FeedbackResponse.PublicState) -> Bool {
        switch state { case .none, .waiting, .published, .withdrawn: publicStates.contains(state) }
    }

    private static func listed(_ status: KioskStatus) -> Bool {
        switch status { case .unpaired, .online, .offline: kioskStatuses.contains(status) }
    }

    private static var webSources: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/KaikuWeb")
    }

    /// Each Swift source of the web layer, by its path from `Sources/KaikuWeb`.
    private func sources() throws -> [(path: String, text: String)] {
        let root = Self.webSources
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var found: [(String, String)] = []
        for case let url as URL in walker where url.pathExtension == "swift" {
            found.append((String(url.path.dropFirst(root.path.count + 1)), try String(contentsOf: url, encoding: .utf8)))
        }
        return found
    }

    private func matches(_ pattern: String, in text: String) throws -> [String] {
        let expression = try NSRegularExpression(pattern: pattern)
        let range = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// A key is dotted words (`staff.case.title`); other literals passed to
    /// these calls (`.text("NPS")`, a form field's name) are not keys.
    private static let key = #"[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9-]+)+"#

    func testEveryLiteralKeyInTheCodeIsInEveryCatalogue() throws {
        let catalogue = try Catalogue.load()
        let calls = Self.keyCalls.joined(separator: "|"), labels = Self.keyLabels.joined(separator: "|")
        var used: [String: String] = [:]
        for (path, text) in try sources() {
            let keys = try matches(#"\b(?:"# + calls + #")\(\s*"("# + Self.key + #")""#, in: text)
                + matches(#"\b(?:"# + labels + #"):\s*"("# + Self.key + #")""#, in: text)
            for key in keys { used[key] = path }
        }
        XCTAssertGreaterThan(used.count, 250, "the scan should find the pages' keys")
        for language in Language.allCases {
            let entries = catalogue.entries[language] ?? [:]
            let missing = used.filter { entries[$0.key] == nil }.map { "\($0.key) (\($0.value))" }.sorted()
            XCTAssertEqual(missing, [], "keys used in the code but missing from \(language).json")
        }
    }

    func testEveryKeyBuiltFromAValueIsInEveryCatalogue() throws {
        let catalogue = try Catalogue.load()
        let families = Self.families()
        for (prefix, values) in families {
            XCTAssertFalse(values.isEmpty, prefix)
            for language in Language.allCases {
                let entries = catalogue.entries[language] ?? [:]
                XCTAssertEqual(values.filter { entries[prefix + $0] == nil }.map { prefix + $0 }, [], "missing from \(language).json")
            }
        }
    }

    /// A new `t("family.\(value)")` in the code needs its values listed above.
    func testEveryInterpolatedKeyInTheCodeIsAKnownFamily() throws {
        let calls = Self.keyCalls.joined(separator: "|")
        var prefixes: [String: String] = [:]
        for (path, text) in try sources() {
            for prefix in try matches(#"\b(?:"# + calls + #")\(\s*"([a-z][A-Za-z0-9.]*\.)\\\("#, in: text) { prefixes[prefix] = path }
        }
        XCTAssertGreaterThan(prefixes.count, 10, "the scan should find the pages' interpolated keys")
        let known = Set(Self.families().keys).union(Self.listedBesideTheCall)
        XCTAssertEqual(prefixes.filter { !known.contains($0.key) }.map { "\($0.key) (\($0.value))" }.sorted(), [])
    }

    func testEveryRefusalOfASubmissionHasAMessage() throws {
        let catalogue = try Catalogue.load()
        let reasons: [SubmissionError.Reason] = [
            .required, .unknownTarget, .unknownChannel, .unknownLanguage, .unknownQuestion, .notWholeNumber,
            .outOfRange(min: 0, max: 10), .notAnOption(allowed: ["a"]), .tooLong(max: 1), .controlCharacters, .invalidEmail,
            .invalidPhone, .contactNeeded, .inFuture, .tooOld(days: 1), .invalidDate, .empty, .notText,
        ]
        // Exhaustive, so that a new reason does not compile until it is listed above.
        func listed(_ reason: SubmissionError.Reason) -> Bool {
            switch reason {
            case .required, .unknownTarget, .unknownChannel, .unknownLanguage, .unknownQuestion, .notWholeNumber, .outOfRange,
                 .notAnOption, .tooLong, .controlCharacters, .invalidEmail, .invalidPhone, .contactNeeded, .inFuture, .tooOld,
                 .invalidDate, .empty, .notText: true
            }
        }
        XCTAssertTrue(reasons.allSatisfy(listed))
        for language in Language.allCases {
            let entries = catalogue.entries[language] ?? [:]
            let missing = reasons.map { SubmissionError(field: "target", reason: $0).messageKey }.filter { entries[$0] == nil }
            XCTAssertEqual(missing, [], "missing from \(language).json")
        }
    }

    func testEveryRefusalOfOwnSurveyQuestionsHasAMessage() throws {
        let catalogue = try Catalogue.load()
        let reasons: [OwnQuestionError.Reason] = [
            .questionCount(min: 1, max: 30), .tooManyStatements(max: 5), .required, .invalidID(maxLength: 40), .duplicateID, .coreID,
            .unknownType, .optionCount(min: 2, max: 12), .optionsNotAllowed, .textMissing(language: .sv), .textTooLong(max: 300),
            .controlCharacters,
        ]
        // Exhaustive, so that a new reason does not compile until it is listed above.
        func listed(_ reason: OwnQuestionError.Reason) -> Bool {
            switch reason {
            case .questionCount, .tooManyStatements, .required, .invalidID, .duplicateID, .coreID, .unknownType, .optionCount,
                 .optionsNotAllowed, .textMissing, .textTooLong, .controlCharacters: true
            }
        }
        XCTAssertTrue(reasons.allSatisfy(listed))
        for language in Language.allCases {
            let entries = catalogue.entries[language] ?? [:]
            let missing = reasons.map { OwnQuestionError(field: "questions", reason: $0).messageKey }.filter { entries[$0] == nil }
            XCTAssertEqual(missing, [], "missing from \(language).json")
        }
    }
}
