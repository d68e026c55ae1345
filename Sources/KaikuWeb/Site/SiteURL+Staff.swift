import Foundation
import Vapor

extension SiteURL {
    /// The staff pages under `/staff`.
    public enum Staff: Sendable {
        case inbox
        case login
        case logout
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

        var pathComponents: [PathComponent] {
            switch self {
            case .inbox: []
            case .login: ["login"]
            case .logout: ["logout"]
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
            }
        }
    }

    /// The forms of the case page, each posted to its own address.
    public enum CaseFormAction: String, CaseIterable, Sendable {
        case take, assign, notes, reroute, refer, close, answer
    }
}
