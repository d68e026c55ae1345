import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import Vapor

extension DemoSeeder {
    /// A few staff ideas at every stage, so that the idea bank's list and
    /// counts are not empty in the demo. Demo data, in Finnish as the demo
    /// county's staff would write it.
    static let demoIdeas: [(title: String, description: String, category: String, unit: String, status: IdeaStatus, daysAgo: Int, anonymous: Bool)] = [
        ("Ajanvarauksen tekstiviestimuistutus", "Asiakkaat saisivat muistutuksen tekstiviestinä edellisenä päivänä; peruuttamattomat käynnit vähenisivät.",
         "service-processes", "JH-TER-VAST-KESK", .implemented, 300, false),
        ("Taukojumppa iltapäivisin", "Kymmenen minuutin yhteinen tauko klo 14 jaksaisi työpäivän loppuun.", "wellbeing-at-work", "JH-TER", .accepted, 120, false),
        ("Aulan opasteet selkokielelle", "Opasteet ovat vaikeaselkoisia; selkokieli ja kuvat auttaisivat kaikkia asiakkaita.", "service-development",
         "JH-TER-VAST-POHJ", .underReview, 40, false),
        ("Kertakäyttömukeista luopuminen", "Taukotiloihin omat mukit ja astianpesukone.", "sustainability-and-responsibility", "JH", .declined, 200, true),
        ("Perehdytyskansio sähköiseksi", "Uusien työntekijöiden perehdytys yhteen paikkaan intranetiin.", "sustainable-organisation", "JH-TER", .new, 5, false),
        ("Palautteet viikkopalaveriin", "Käydään viikon asiakaspalautteet läpi maanantain palaverissa.", "other", "JH-TER-VAST-KESK", .new, 2, true),
    ]

    static func seedIdeas(_ app: Application, organisation: Organisation, now: Date) async throws {
        let organisationID = try organisation.requireID()
        let users = try await User.query(on: app.db).filter(\.$organisationID == organisationID).sort(\.$email).all()
        let admin = users.first { $0.role == User.Role.administrator.rawValue }?.id
        let submitters = users.filter { $0.role != User.Role.administrator.rawValue }.compactMap(\.id)
        let units = try await OrgUnit.query(on: app.db).filter(\.$organisationID == organisationID).all()
        for (index, spec) in demoIdeas.enumerated() {
            guard let unitID = units.first(where: { $0.code == spec.unit })?.id else { continue }
            let at = now.addingTimeInterval(-Double(spec.daysAgo) * 86_400)
            let idea = Idea(organisationID: organisationID, unitID: unitID, category: spec.category,
                            text: IdeaText(title: spec.title, description: spec.description), anonymous: spec.anonymous,
                            submitterID: submitters.isEmpty ? nil : submitters[index % submitters.count], language: .fi, at: at)
            idea.status = spec.status.rawValue
            if spec.status != .new { idea.ownerID = admin }
            try await idea.create(on: app.db)
        }
    }
}
