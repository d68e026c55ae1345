import Foundation
import Vapor

extension SiteURL {
    /// The staff pages under `/staff`.
    public enum Staff: Sendable {
        case inbox
        case login
        case logout
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

        var pathComponents: [PathComponent] {
            switch self {
            case .inbox: []
            case .login: ["login"]
            case .logout: ["logout"]
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
            }
        }
    }

    /// The forms of the case page, each posted to its own address.
    public enum CaseFormAction: String, CaseIterable, Sendable {
        case take, assign, notes, reroute, refer, close, answer
    }
}
