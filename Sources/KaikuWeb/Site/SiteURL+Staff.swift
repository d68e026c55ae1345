import Foundation
import Vapor

extension SiteURL {
    /// The staff pages under `/staff`.
    public enum Staff: Sendable {
        case inbox
        case login
        case logout
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
        case entry
        case posters
        case kiosks
        case kioskPairing(_ id: Parameter<UUID>)
        case smsSurvey
        case review
        case reviewItem(_ id: Parameter<UUID>)
        case admin
        case adminTargets
        case adminTargetNew
        case adminTarget(_ code: Parameter<String>)
        case adminAuditLog
        case adminAuditLogCSV
        case adminReferralTexts
        case adminSettings
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

        var pathComponents: [PathComponent] {
            switch self {
            case .inbox: []
            case .login: ["login"]
            case .logout: ["logout"]
            case .notes: ["notes"]
            case .note(let id): ["notes", SiteURL.component(id, "id")]
            case .noteAction(let id, let action): ["notes", SiteURL.component(id, "id"), .constant(action.rawValue)]
            case .password(let token): ["password", SiteURL.component(token, "token")]
            case .passwordSet: ["password", "set"]
            case .adminSurvey: ["admin", "survey"]
            case .caseItem(let id): ["cases", SiteURL.component(id, "id")]
            case .caseAction(let id, let action): ["cases", SiteURL.component(id, "id"), .constant(action.rawValue)]
            case .dashboard: ["dashboard"]
            case .entry: ["entry"]
            case .posters: ["posters"]
            case .kiosks: ["kiosks"]
            case .kioskPairing(let id): ["kiosks", SiteURL.component(id, "id"), "pairing"]
            case .smsSurvey: ["sms-survey"]
            case .review: ["review"]
            case .reviewItem(let id): ["review", SiteURL.component(id, "id")]
            case .admin: ["admin"]
            case .adminTargets: ["admin", "targets"]
            case .adminTargetNew: ["admin", "targets", "new"]
            case .adminTarget(let code): ["admin", "targets", SiteURL.component(code, "code")]
            case .adminAuditLog: ["admin", "audit-log"]
            case .adminAuditLogCSV: ["admin", "audit-log.csv"]
            case .adminReferralTexts: ["admin", "referral-texts"]
            case .adminSettings: ["admin", "settings"]
            case .adminTemplates: ["admin", "templates"]
            case .adminTemplateNew: ["admin", "templates", "new"]
            case .adminTemplate(let id): ["admin", "templates", SiteURL.component(id, "id")]
            case .adminTemplateDelete(let id): ["admin", "templates", SiteURL.component(id, "id"), "delete"]
            case .adminUsers: ["admin", "users"]
            case .adminUser(let id): ["admin", "users", SiteURL.component(id, "id")]
            case .adminUserAction(let id, let action): ["admin", "users", SiteURL.component(id, "id"), .constant(action.rawValue)]
            case .adminUnits: ["admin", "units"]
            case .adminTargetsImport: ["admin", "targets", "import"]
            }
        }
    }

    /// The forms of the case page, each posted to its own address.
    public enum CaseFormAction: String, CaseIterable, Sendable {
        case take, assign, notes, reroute, refer, close, answer
    }

    /// The buttons beside a "what we did" note, each posted to its own address.
    public enum NoteFormAction: String, CaseIterable, Sendable {
        case publish, withdraw, delete
    }

    /// The forms of a user's administration page, each posted to its own address.
    public enum UserFormAction: String, CaseIterable, Sendable {
        case details, deactivate, reactivate, unlock
        case passwordReset = "password-reset"
        case endSessions = "end-sessions"
    }
}
