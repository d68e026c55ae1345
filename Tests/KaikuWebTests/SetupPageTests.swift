import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// The one-time first-start page `/setup/{token}`: it creates the
/// organisation and its first administrator once, and never twice.
final class SetupPageTests: XCTestCase {
    static let password = "kolme pientä porsasta"

    private func issue(_ app: Application) async throws -> String {
        let token = try await SetupTokens.issueIfNoOrganisation(at: Date(), on: app.db)
        return try XCTUnwrap(token)
    }

    private func form(code: String = "pirkanmaa", email: String = "paakayttaja@pirha.example", _ changes: [String: String] = [:]) -> [String: String] {
        var fields = ["lang": "fi", "code": code, "nameFi": "Pirkanmaan hyvinvointialue", "nameSv": "Birkalands välfärdsområde", "nameEn": "",
                      "offerSv": "yes", "timeZone": "Europe/Helsinki", "promiseDays": "5", "promiseIn": "workingDays",
                      "adminName": "Pää Käyttäjä", "adminEmail": email, "adminPassword": Self.password, "adminPasswordAgain": Self.password]
        fields.merge(changes) { $1 }
        return fields
    }

    private func post(_ app: Application, _ token: String, _ fields: [String: String]) async throws -> PeerResponse {
        try await app.sendForm(from: "192.0.2.30", "/setup/\(token)", fields)
    }

    func testTheSetupPageIsAFormInTheChosenLanguageThatNoCacheKeeps() async throws {
        try await withApp { app in
            let token = try await issue(app)

            let finnish = try await app.send(.GET, "/setup/\(token)")
            let swedish = try await app.send(.GET, "/setup/\(token)?lang=sv")

            XCTAssertEqual(finnish.status, .ok)
            XCTAssertTrue(finnish.text.contains("<h1>Kaikun käyttöönotto</h1>"), finnish.text)
            XCTAssertTrue(swedish.text.contains("<h1>Ta Kaiku i bruk</h1>"))
            XCTAssertTrue(swedish.text.contains(#"<html lang="sv">"#))
            XCTAssertTrue(swedish.text.contains(#"href="/setup/\#(token)?lang=en""#), "the language switcher stays on the page")
            XCTAssertEqual(finnish.headers.first(name: .cacheControl), "no-store")
            XCTAssertTrue(finnish.text.contains(#"value="Europe/Helsinki""#), "the defaults are filled in")
            XCTAssertTrue(finnish.text.contains(#"id="promiseIn-calendarDays" name="promiseIn" value="calendarDays" checked"#), finnish.text)
            XCTAssertFalse(finnish.text.contains("error-summary"))
        }
    }

    func testCompletingTheSetupCreatesTheOrganisationAndItsAdministratorAndEndsTheAddress() async throws {
        try await withApp { app in
            let token = try await issue(app)

            let response = try await post(app, token, form())

            XCTAssertEqual(response.status, .seeOther, response.text)
            XCTAssertEqual(response.headers.first(name: .location), "/setup/done?lang=fi")
            let found = try await Organisation.query(on: app.db).first()
            let organisation = try XCTUnwrap(found)
            XCTAssertEqual(organisation.code, "pirkanmaa")
            XCTAssertEqual(organisation.name, LocalizedText(fi: "Pirkanmaan hyvinvointialue", sv: "Birkalands välfärdsområde", en: "Pirkanmaan hyvinvointialue"))
            XCTAssertEqual(organisation.offeredLanguages, [.fi, .sv], "English was not ticked")
            XCTAssertEqual(organisation.promiseDays, 5)
            XCTAssertEqual(organisation.promiseIn, "workingDays")
            let roots = try await OrgUnit.query(on: app.db).filter(\.$organisationID == organisation.requireID()).all()
            let root = try XCTUnwrap(roots.first)
            XCTAssertEqual(root.code, "pirkanmaa")
            let firstUser = try await User.query(on: app.db).first()
            let administrator = try XCTUnwrap(firstUser)
            XCTAssertEqual(administrator.email, "paakayttaja@pirha.example")
            XCTAssertEqual(administrator.name, "Pää Käyttäjä")
            XCTAssertEqual(administrator.roleValue, .administrator)
            XCTAssertEqual(administrator.unitID, root.id, "scoped to the root")
            let audit = try await AuditEntry.query(on: app.db).sort(\.$action).all()
            XCTAssertEqual(audit.map(\.action), ["organisation.create", "user.create"])
            XCTAssertEqual(Set(audit.map(\.actor)), ["first-start setup"])
            let signIn = try await app.send(.POST, "/api/v1/auth/token", json: ["email": "paakayttaja@pirha.example", "password": Self.password])
            XCTAssertEqual(signIn.status, .ok, "the administrator signs in")

            let done = try await app.send(.GET, "/setup/done?lang=fi")
            let again = try await app.send(.GET, "/setup/\(token)")
            let repost = try await post(app, token, form(code: "toinen"))

            XCTAssertEqual(done.status, .ok)
            XCTAssertTrue(done.text.contains(#"href="/staff/login?lang=fi""#), done.text)
            XCTAssertEqual(again.status, .notFound)
            XCTAssertTrue(again.text.contains("käytetty tai se ei ole kelvollinen"), again.text)
            XCTAssertTrue(again.text.contains("käynnistä palvelin uudelleen"), again.text)
            XCTAssertEqual(repost.status, .notFound)
            let count = try await Organisation.query(on: app.db).count()
            XCTAssertEqual(count, 1)
        }
    }

    func testAnUnknownAddressIsTheSame404InEachLanguage() async throws {
        try await withApp { app in
            _ = try await issue(app)
            for (path, words) in [("/setup/not-a-token-at-all-but-long-enough", "käytetty tai se ei ole kelvollinen"),
                                  ("/setup/x?lang=sv", "har redan använts eller är inte giltig"),
                                  ("/setup/\(String(repeating: "A", count: 43))?lang=en", "has been used or is not valid")] {
                let response = try await app.send(.GET, path)
                XCTAssertEqual(response.status, .notFound, path)
                XCTAssertTrue(response.text.contains(words), "\(path): \(response.text)")
            }
        }
    }

    func testAnOrganisationMadeAnotherWayEndsEveryAddress() async throws {
        try await withApp { app in
            let first = try await issue(app)
            let second = try await issue(app)
            _ = try await OrganisationSetup.create(OrganisationDraft(code: "kainuu", name: LocalizedText(fi: "Kainuu", sv: "", en: "")),
                                                   national: app.kaiku.nationalSurvey, actor: .commandLine, at: Date(), on: app.db)

            for token in [first, second] {
                let page = try await app.send(.GET, "/setup/\(token)")
                XCTAssertEqual(page.status, .notFound)
            }
            let issued = try await SetupTokens.issueIfNoOrganisation(at: Date(), on: app.db)
            XCTAssertNil(issued, "no new address once an organisation exists")
        }
    }

    func testAnOrganisationSeededWithoutTheSetupStillEndsTheAddress() async throws {
        try await withApp { app in
            let token = try await issue(app)
            _ = try await TestWorld.make(on: app)

            let page = try await app.send(.GET, "/setup/\(token)")
            let post = try await post(app, token, form())

            XCTAssertEqual(page.status, .notFound)
            XCTAssertEqual(post.status, .notFound)
            let count = try await Organisation.query(on: app.db).filter(\.$code == "pirkanmaa").count()
            XCTAssertEqual(count, 0)
        }
    }

    func testRefusedInputComesBackWithEachErrorLinkedToItsInputAndNothingMade() async throws {
        try await withApp { app in
            let token = try await issue(app)

            let response = try await post(app, token, form(code: "Pirkanmaa!", ["lang": "sv", "nameFi": "", "timeZone": "Mars/Olympus",
                                                                                "promiseDays": "120", "adminEmail": "ei-osoite",
                                                                                "adminPassword": "lyhyt", "adminPasswordAgain": "lyhyt"]))

            XCTAssertEqual(response.status, .badRequest)
            let page = response.text
            XCTAssertTrue(page.contains(#"<html lang="sv">"#), "the language of the form is kept")
            XCTAssertTrue(page.contains(#"id="error-summary""#) && page.contains("autofocus"), "focus goes to the summary")
            for (field, input) in [("code", "code"), ("nameFi", "nameFi"), ("timeZone", "timeZone"), ("promiseDays", "promiseDays"),
                                   ("adminEmail", "adminEmail"), ("adminPassword", "adminPassword")] {
                XCTAssertTrue(page.contains(##"<a href="#\##(input)">"##), "the summary links to \(input)")
                XCTAssertTrue(page.contains(#"id="error-\#(field)""#), "a message beside \(field)")
                XCTAssertNotNil(page.range(of: #"id="\#(input)" name="\#(field)"[^>]*aria-describedby="[^"]*error-\#(field)"[^>]*aria-invalid="true""#,
                                           options: .regularExpression), "\(field) is described by its error:\n\(page)")
            }
            XCTAssertTrue(page.contains(#"value="Pirkanmaa!""#), "what was typed is kept")
            XCTAssertFalse(page.contains("lyhyt"), "a password is never sent back")
            XCTAssertTrue(page.contains("Koden får ha 2–40 tecken"), page)
            let count = try await Organisation.query(on: app.db).count()
            XCTAssertEqual(count, 0)
            let still = try await app.send(.GET, "/setup/\(token)")
            XCTAssertEqual(still.status, .ok, "a refused form leaves the address working")
        }
    }

    func testThePasswordMustBeTypedTheSameTwice() async throws {
        try await withApp { app in
            let token = try await issue(app)

            let response = try await post(app, token, form(["adminPasswordAgain": Self.password + "!"]))

            XCTAssertEqual(response.status, .badRequest)
            XCTAssertTrue(response.text.contains(##"<a href="#adminPasswordAgain">Salasanat eivät ole samat."##), response.text)
        }
    }

    func testTheOperatorsAddressCannotBeTheAdministrators() async throws {
        try await withApp(adjust: {
            $0.operatorEmail = "operator@kaiku.example"
            $0.operatorPassword = "installation-keeper-2026"
        }) { app in
            let token = try await issue(app)

            let response = try await post(app, token, form(email: "operator@kaiku.example"))

            XCTAssertEqual(response.status, .badRequest)
            XCTAssertTrue(response.text.contains(#"id="error-adminEmail""#), response.text)
            let still = try await app.send(.GET, "/setup/\(token)")
            XCTAssertEqual(still.status, .ok)
        }
    }

    func testTwoPostsOfOneAddressAtOnceMakeOneOrganisation() async throws {
        try await withApp { app in
            let token = try await issue(app)

            let forms = [form(code: "ensimmainen", email: "eka@pirha.example"), form(code: "toinen", email: "toka@pirha.example")]
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for fields in forms {
                    group.addTask { try await app.sendForm(from: "192.0.2.30", "/setup/\(token)", fields).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }

            XCTAssertEqual(statuses.sorted { $0.code < $1.code }, [.seeOther, .notFound])
            let organisations = try await Organisation.query(on: app.db).count()
            let users = try await User.query(on: app.db).count()
            XCTAssertEqual(organisations, 1)
            XCTAssertEqual(users, 1)
        }
    }

    func testUsingATokenTwiceInOneDatabaseSucceedsOnce() async throws {
        try await withApp { app in
            let token = try await issue(app)

            let first = try await app.db.transaction { try await SetupTokens.use(token, within: $0) }
            let second = try await app.db.transaction { try await SetupTokens.use(token, within: $0) }

            XCTAssertTrue(first)
            XCTAssertFalse(second)
        }
    }
}
