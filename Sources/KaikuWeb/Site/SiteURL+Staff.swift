import Foundation
import Vapor

extension SiteURL {
    /// The staff pages under `/staff`.
    public enum Staff: Sendable {
        case inbox
        /// A signed-in staff member's own settings (the monthly report subscription).
        case account
        case login
        case logout
        /// The second step of signing in: a code from the app or a recovery code (the pending sign-in's cookie is the proof).
        case loginCode
        /// Setting up a second factor during sign-in, when the organisation requires one.
        case loginEnrol
        /// Setting up and managing one's own two-factor sign-in.
        case accountSecondFactor
        case accountSecondFactorAction(SecondFactorFormAction)
        /// One's personal API tokens: made here, each revoked at its own address.
        case accountTokens
        case accountTokenRevoke(_ id: Parameter<UUID>)
        /// Single sign-on: the start (to the provider) and the provider's answer (public).
        case oidcLogin
        case oidcCallback
        /// The provider's back-channel logout (public: the signed logout token is the proof).
        case oidcBackchannelLogout
        /// "What we did" notes of a unit (supervisors and administrators).
        case notes
        case note(_ id: Parameter<UUID>)
        case noteAction(_ id: Parameter<UUID>, NoteFormAction)
        /// The one-time link of an invitation or password reset (public).
        case password(_ token: Parameter<String>)
        /// Where setting a password through the link leads (public).
        case passwordSet
        case adminSurvey
        case caseItem(_ id: Parameter<UUID>)
        case caseAction(_ id: Parameter<UUID>, CaseFormAction)
        case dashboard
        /// The annual customer report: a form to choose the unit and year, with links to the report.
        case annualReport
        /// The annual report itself, as HTML or PDF, with the same `year` and `unit`.
        case annualReportDocument(AnnualReportFormat)
        case entry
        /// The feedback feed: every answer with open text in one's units (`FeedbackFilters` names its query).
        case feedback
        /// The feed as CSV, with the same filters (`/api/v1/feedback.csv` for API clients).
        case feedbackCSV
        /// A feed item's small forms, each posted to its own address.
        case feedbackAction(_ id: Parameter<UUID>, FeedbackFormAction)
        /// The staff idea bank: every staff member of the organisation sends and reads ideas.
        case ideas
        /// The ideas as CSV, with the list's filters (`/api/v1/ideas.csv` for API clients).
        case ideasCSV
        case ideaNew
        case idea(_ id: Parameter<UUID>)
        /// An idea's forms: its handling (administrators and its owner) and comments (everyone).
        case ideaAction(_ id: Parameter<UUID>, IdeaFormAction)
        case posters
        case kiosks
        case kioskPairing(_ id: Parameter<UUID>)
        case smsSurvey
        case review
        case reviewItem(_ id: Parameter<UUID>)
        /// The monthly report's unsubscribe link (public: the token is the proof).
        case reportUnsubscribe(_ token: Parameter<String>)
        case admin
        case adminTargets
        case adminTargetNew
        case adminTarget(_ code: Parameter<String>)
        case adminAuditLog
        case adminAuditLogCSV
        case adminReferralTexts
        case adminSettings
        /// The organisation's own identity provider and who is created at a first sign-in (administrators of the whole organisation).
        case adminIdentityProvider
        case adminTemplates
        case adminTemplateNew
        case adminTemplate(_ id: Parameter<UUID>)
        case adminTemplateDelete(_ id: Parameter<UUID>)
        case adminUsers
        case adminUser(_ id: Parameter<UUID>)
        case adminUserAction(_ id: Parameter<UUID>, UserFormAction)
        /// The org tree and its CSV import (administrators of the whole organisation).
        case adminUnits
        /// The feedback targets' CSV import (administrators of the whole organisation).
        case adminTargetsImport
        /// The organisation's themes: the defaults and its own, added and renamed here (administrators of the whole organisation).
        case adminThemes
        /// Where an own theme's new names are posted.
        case adminTheme(_ code: Parameter<String>)
        /// The organisation's idea categories: the defaults renamed and its own added (administrators).
        case adminIdeaCategories
        /// Where a category's new names are posted.
        case adminIdeaCategory(_ code: Parameter<String>)
        /// Monthly reports sent, and when (administrators).
        case adminReports
        /// The organisation's printed name, colour and logo (administrators of the whole organisation).
        case adminBranding
        /// Where a new logo is uploaded (multipart) and where it is removed.
        case adminBrandingLogo
        case adminBrandingLogoRemove

        var pathComponents: [PathComponent] {
            switch self {
            case .inbox: []
            case .account: ["account"]
            case .login: ["login"]
            case .logout: ["logout"]
            case .loginCode: ["login", "code"]
            case .loginEnrol: ["login", "two-factor"]
            case .accountSecondFactor: ["account", "two-factor"]
            case .accountSecondFactorAction(let action): ["account", "two-factor", .constant(action.rawValue)]
            case .accountTokens: ["account", "tokens"]
            case .accountTokenRevoke(let id): ["account", "tokens", SiteURL.component(id, "id"), "revoke"]
            case .oidcLogin: ["oidc", "login"]
            case .oidcCallback: ["oidc", "callback"]
            case .oidcBackchannelLogout: ["oidc", "backchannel-logout"]
            case .notes: ["notes"]
            case .note(let id): ["notes", SiteURL.component(id, "id")]
            case .noteAction(let id, let action): ["notes", SiteURL.component(id, "id"), .constant(action.rawValue)]
            case .password(let token): ["password", SiteURL.component(token, "token")]
            case .passwordSet: ["password", "set"]
            case .adminSurvey: ["admin", "survey"]
            case .caseItem(let id): ["cases", SiteURL.component(id, "id")]
            case .caseAction(let id, let action): ["cases", SiteURL.component(id, "id"), .constant(action.rawValue)]
            case .dashboard: ["dashboard"]
            case .annualReport: ["reports", "annual"]
            case .annualReportDocument(let format): ["reports", .constant("annual.\(format.rawValue)")]
            case .entry: ["entry"]
            case .feedback: ["feedback"]
            case .feedbackCSV: ["feedback.csv"]
            case .feedbackAction(let id, let action): ["feedback", SiteURL.component(id, "id"), .constant(action.rawValue)]
            case .ideas: ["ideas"]
            case .ideasCSV: ["ideas.csv"]
            case .ideaNew: ["ideas", "new"]
            case .idea(let id): ["ideas", SiteURL.component(id, "id")]
            case .ideaAction(let id, let action): ["ideas", SiteURL.component(id, "id"), .constant(action.rawValue)]
            case .posters: ["posters"]
            case .kiosks: ["kiosks"]
            case .kioskPairing(let id): ["kiosks", SiteURL.component(id, "id"), "pairing"]
            case .smsSurvey: ["sms-survey"]
            case .review: ["review"]
            case .reviewItem(let id): ["review", SiteURL.component(id, "id")]
            case .reportUnsubscribe(let token): ["reports", "unsubscribe", SiteURL.component(token, "token")]
            case .admin: ["admin"]
            case .adminTargets: ["admin", "targets"]
            case .adminTargetNew: ["admin", "targets", "new"]
            case .adminTarget(let code): ["admin", "targets", SiteURL.component(code, "code")]
            case .adminAuditLog: ["admin", "audit-log"]
            case .adminAuditLogCSV: ["admin", "audit-log.csv"]
            case .adminReferralTexts: ["admin", "referral-texts"]
            case .adminSettings: ["admin", "settings"]
            case .adminIdentityProvider: ["admin", "identity-provider"]
            case .adminTemplates: ["admin", "templates"]
            case .adminTemplateNew: ["admin", "templates", "new"]
            case .adminTemplate(let id): ["admin", "templates", SiteURL.component(id, "id")]
            case .adminTemplateDelete(let id): ["admin", "templates", SiteURL.component(id, "id"), "delete"]
            case .adminUsers: ["admin", "users"]
            case .adminUser(let id): ["admin", "users", SiteURL.component(id, "id")]
            case .adminUserAction(let id, let action): ["admin", "users", SiteURL.component(id, "id"), .constant(action.rawValue)]
            case .adminUnits: ["admin", "units"]
            case .adminTargetsImport: ["admin", "targets", "import"]
            case .adminThemes: ["admin", "themes"]
            case .adminTheme(let code): ["admin", "themes", SiteURL.component(code, "code")]
            case .adminIdeaCategories: ["admin", "idea-categories"]
            case .adminIdeaCategory(let code): ["admin", "idea-categories", SiteURL.component(code, "code")]
            case .adminReports: ["admin", "reports"]
            case .adminBranding: ["admin", "branding"]
            case .adminBrandingLogo: ["admin", "branding", "logo"]
            case .adminBrandingLogoRemove: ["admin", "branding", "logo", "remove"]
            }
        }
    }

    /// The forms of the case page, each posted to its own address.
    public enum CaseFormAction: String, CaseIterable, Sendable {
        case take, assign, notes, reroute, refer, close, calls
        case interim = "interim-replies"
        /// Fills the answer box from a template, or shows the preview; nothing is sent.
        case answer
        /// Sends the answer the handler saw on the preview.
        case send
    }

    /// The forms of a feedback feed item: read marks are per user, the flag
    /// and the public decision shared, the correction teaches the classifier.
    public enum FeedbackFormAction: String, CaseIterable, Sendable {
        case read, unread, flag, unflag, publish, withdraw, classification
    }

    /// The forms of an idea's page, each posted to its own address.
    public enum IdeaFormAction: String, CaseIterable, Sendable {
        case handle, comment
    }

    /// The buttons beside a "what we did" note, each posted to its own address.
    public enum NoteFormAction: String, CaseIterable, Sendable {
        case publish, withdraw, delete
    }

    /// The forms of a user's administration page, each posted to its own address.
    /// The forms of one's own two-factor sign-in, each posted to its own address.
    public enum SecondFactorFormAction: String, CaseIterable, Sendable {
        case start, confirm, disable
        case recoveryCodes = "recovery-codes"
    }

    public enum UserFormAction: String, CaseIterable, Sendable {
        case details, deactivate, reactivate, unlock
        case passwordReset = "password-reset"
        case endSessions = "end-sessions"
    }
}
