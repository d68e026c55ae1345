import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Everything the routes share, created once at configure time.
public struct KaikuServices: Sendable {
    public var settings: KaikuSettings
    public var catalogue: Catalogue
    public var nationalSurvey: SurveyDefinition
    public var writer: ResponseWriter
    public var cipher: ContactCipher
    public var mail: any MailSender
    public var sms: any SMSSender
    /// Verified against when the e-mail is unknown, at the same cost as real
    /// hashes, so that timing does not tell which addresses have accounts.
    var timingDummyHash: String
    public var clock: WallClock
    var targetCache = TargetContextCache()
    var orgTrees = OrgTreeCache()
    var loginThrottle = LoginThrottle()
    var storeHealth = StoreHealth()
    var caseRateLimiter = CaseRateLimiter()
    /// Each organisation's classifier of open text.
    var classifiers = ClassifierCache()
    /// The optional language model (`KAIKU_LLM_*`); nil when not configured.
    var languageModel: (any LanguageModelClassifying)?
    /// Single sign-on: each organisation's own provider, and the environment's (`KAIKU_OIDC_*`) for the first.
    var oidc: OIDCSignOn
}

extension Application {
    private struct ServicesKey: StorageKey {
        typealias Value = KaikuServices
    }

    public var kaiku: KaikuServices {
        get {
            guard let services = storage[ServicesKey.self] else { fatalError("configure(_:) has not run") }
            return services
        }
        set { storage[ServicesKey.self] = newValue }
    }
}

extension Request {
    var kaiku: KaikuServices { application.kaiku }
}
