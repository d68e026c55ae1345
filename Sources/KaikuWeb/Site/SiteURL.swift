import Foundation
import KaikuCore
import Vapor

/// Every address of the HTML site in one place. The same value registers the
/// route (`pathComponents`) and writes the link (`path`, `url(_:)`), so a page
/// cannot link to a path nobody serves. The JSON API keeps its paths in its
/// controllers and in the OpenAPI document, which a test holds together.
public enum SiteURL: Sendable {
    case home
    case styles
    case form(_ target: Parameter<String>)
    case remoteForm(_ target: Parameter<String>)
    case thanks(_ receipt: Parameter<String>)
    case status(_ receipt: Parameter<String>)
    case statusLookup
    /// The one-time first-start setup page; its token is the secret that opens it.
    case setup(_ token: Parameter<String>)
    case setupDone
    case shortLink(_ target: Parameter<String>)
    case remoteShortLink(_ target: Parameter<String>)
    case qrSVG(_ target: Parameter<String>)
    case qrPNG(_ target: Parameter<String>)
    case printCard(_ target: Parameter<String>)
    case figures
    case unitFigures(_ unit: Parameter<String>)
    case targetFigures(_ target: Parameter<String>)
    case unitWidget(_ unit: Parameter<String>)
    case targetWidget(_ target: Parameter<String>)
    case kiosk
    /// An organisation's logo (public, cacheable; the organisation's code in the path).
    case brandLogo(_ organisation: Parameter<String>)
    /// The organisation's brand colour as a style sheet: the pages allow no inline styles.
    case brandStyle(_ organisation: Parameter<String>)
    case landingScript
    case formScript
    case kioskScript
    case kioskStyle
    case kioskWorker
    case staff(Staff)

    /// For registering the route.
    public var pathComponents: [PathComponent] {
        switch self {
        case .home: []
        case .styles: ["styles.css"]
        case .form(let target): ["f", Self.component(target, "code")]
        case .remoteForm(let target): ["f", Self.component(target, "code"), "remote"]
        case .thanks(let receipt): ["thanks", Self.component(receipt, "receipt")]
        case .status(let receipt): ["status", Self.component(receipt, "receipt")]
        case .statusLookup: ["status"]
        case .setup(let token): ["setup", Self.component(token, "token")]
        case .setupDone: ["setup", "done"]
        case .shortLink(let target): ["t", Self.component(target, "code")]
        case .remoteShortLink(let target): ["t", Self.component(target, "code"), "remote"]
        case .qrSVG(let target): ["t", Self.component(target, "code"), "qr.svg"]
        case .qrPNG(let target): ["t", Self.component(target, "code"), "qr.png"]
        case .printCard(let target): ["t", Self.component(target, "code"), "print"]
        case .figures: ["figures"]
        case .unitFigures(let unit): ["figures", "units", Self.component(unit, "code")]
        case .targetFigures(let target): ["figures", "targets", Self.component(target, "code")]
        case .unitWidget(let unit): ["widget", "units", Self.component(unit, "code")]
        case .targetWidget(let target): ["widget", "targets", Self.component(target, "code")]
        case .kiosk: ["kiosk"]
        case .brandLogo(let organisation): ["brand", Self.component(organisation, "organisation"), "logo"]
        case .brandStyle(let organisation): ["brand", Self.component(organisation, "organisation"), "brand.css"]
        case .landingScript: ["search.js"]
        case .formScript: ["form.js"]
        case .kioskScript: ["kiosk", "kiosk.js"]
        case .kioskStyle: ["kiosk", "kiosk.css"]
        case .kioskWorker: ["kiosk", "sw.js"]
        case .staff(let page): ["staff"] + page.pathComponents
        }
    }

    /// For writing a link: the path with its parameters filled in.
    public var path: String {
        "/" + pathComponents.map(\.description).joined(separator: "/")
    }

    /// The path with a query; empty values are left out.
    public func url(_ query: [(String, String)]) -> String {
        let items = query.filter { !$0.1.isEmpty }
        guard !items.isEmpty else { return path }
        var components = URLComponents()
        components.path = path
        components.queryItems = items.map { URLQueryItem(name: $0.0, value: $0.1) }
        return components.string ?? path
    }

    /// The path in a language, as the public pages link to each other.
    public func url(language: Language, _ query: [(String, String)] = []) -> String {
        url(query + [("lang", language.rawValue)])
    }

    static func component<Value>(_ parameter: Parameter<Value>, _ name: String) -> PathComponent {
        switch parameter {
        case .key: .parameter(name)
        case .value(let value): .constant("\(value)")
        }
    }
}
