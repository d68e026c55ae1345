import KaikuCore
import XCTest

final class UnitImportPlanTests: XCTestCase {
    private let header = "code,parent,name_fi,name_sv,name_en,oid\n"
    private let tree = """
        code,parent,name_fi,name_sv,name_en,oid
        ORG,,Hyvinvointialue,Välfärdsområde,Wellbeing county,1.2.246.10.1
        TERV,ORG,Terveyspalvelut,Hälsotjänster,Health services,
        HAMM,TERV,Hammashoitola,Tandklinik,Dental clinic,1.2.246.10.1.5
        """

    private func plan(_ text: String, current: [UnitState] = [], closeMissing: Bool = false) -> UnitImportPlan {
        UnitImportPlan.plan(text, current: current, rootCode: "ORG", closeMissing: closeMissing)
    }

    /// The tree after importing `text` into an empty organisation.
    private func imported(_ text: String) -> [UnitState] {
        plan(text).changes.map(\.after)
    }

    private func messages(_ plan: UnitImportPlan) -> [String] { plan.errors.map { "\($0.line): \($0.message)" } }

    func testAFirstImportAddsEveryUnit() {
        let result = plan(tree)

        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.counts.added, 3)
        XCTAssertEqual(result.changes.map(\.after.code), ["ORG", "TERV", "HAMM"])
        XCTAssertEqual(result.changes[2].after, UnitState(code: "HAMM", parent: "TERV", name: LocalizedText(fi: "Hammashoitola", sv: "Tandklinik", en: "Dental clinic"),
                                                           oid: "1.2.246.10.1.5", closed: false))
        XCTAssertNil(result.changes[1].after.oid)
    }

    func testReimportingTheSameFileChangesNothing() {
        let result = plan(tree, current: imported(tree), closeMissing: true)

        XCTAssertEqual(result.errors, [])
        XCTAssertTrue(result.isEmpty)
        XCTAssertEqual(result.counts.unchanged, 3)
        XCTAssertEqual(result.counts.changed, 0)
    }

    func testSemicolonsByteOrderMarkCRLFAndQuotedFieldsReadAsTheCommaFile() {
        let excel = "\u{FEFF}code;parent;name_fi;name_sv;name_en;oid\r\nORG;;Hyvinvointialue;Välfärdsområde;Wellbeing county;1.2.246.10.1\r\n"
            + "TERV;ORG;\"Terveyspalvelut\";Hälsotjänster;Health services;\r\nHAMM;TERV;Hammashoitola;Tandklinik;\"Dental clinic\";1.2.246.10.1.5\r\n"

        XCTAssertEqual(imported(excel), imported(tree))
    }

    func testQuotedFieldsKeepSeparatorsAndQuotes() {
        let text = header + "ORG,,Alue,,,\n" + "A,ORG,\"Sairaala, \"\"Keskus\"\"\",\"Sjukhus; centrum\",,\n"

        let units = imported(text)

        XCTAssertEqual(units.last?.name, LocalizedText(fi: "Sairaala, \"Keskus\"", sv: "Sjukhus; centrum", en: "Sairaala, \"Keskus\""))
    }

    func testSwedishAndSamiLettersAreKeptExactlyInNFC() {
        // "ä" written as a plus a combining diaeresis, as some systems export it.
        let decomposed = "Va\u{0308}lfa\u{0308}rd"
        let text = header + "ORG,,Alue,\(decomposed),,\n" + "SAMI,ORG,Sámi dearvvašvuođa guovddáš čžšŋđ,Åre äö,ŊĐČŠŽ,\n"

        let units = imported(text)

        XCTAssertEqual(units[0].name.sv, "Välfärd")
        XCTAssertEqual(Array(units[0].name.sv.unicodeScalars).count, 7)
        XCTAssertEqual(units[1].name, LocalizedText(fi: "Sámi dearvvašvuođa guovddáš čžšŋđ", sv: "Åre äö", en: "ŊĐČŠŽ"))
    }

    func testColumnsMayComeInAnyOrderAndClosedIsOptional() {
        let text = "name_fi,code,closed,oid,parent,name_en,name_sv\nAlue,ORG,,,,,\nA,AA,1,,ORG,,\nB,BB,false,,ORG,,\n"

        let units = imported(text)

        XCTAssertEqual(units.map(\.code), ["ORG", "AA", "BB"])
        XCTAssertEqual(units.map(\.closed), [false, true, false])
    }

    func testAnUnknownOrMissingColumnIsRefused() {
        XCTAssertEqual(messages(plan("code,parent,name_fi,name_sv,name_en,oid,nimi\nORG,,A,,,,\n")).count, 1)
        XCTAssertTrue(messages(plan("code,parent,name_fi,name_sv,name_en\nORG,,A,,\n"))[0].contains("oid is missing"))
        XCTAssertEqual(plan("").errors.first?.line, 1)
    }

    func testEveryRowProblemIsRefusedWithItsLine() {
        let text = header
            + "ORG,,Alue,,,\n"          // 2
            + "A,NOPE,Yksikkö,,,\n"     // 3 unknown parent
            + "B,ORG,,,,\n"             // 4 empty Finnish name
            + ",ORG,Tyhjä,,,\n"         // 5 empty code
            + "C D,ORG,Väli,,,\n"       // 6 bad code characters
            + "E,ORG,Nimi,,,x.y\n"      // 7 bad OID
            + "F,ORG,\(String(repeating: "n", count: 201)),,,\n" // 8 over-long name
        let result = plan(text)

        XCTAssertEqual(result.errors.map(\.line), [4, 5, 6, 7, 8], messages(result).joined(separator: "\n"))
        XCTAssertTrue(result.changes.isEmpty)
        // The unknown parent shows once the rows themselves are well formed.
        let parents = plan(header + "ORG,,Alue,,,\nA,NOPE,Yksikkö,,,\n")
        XCTAssertEqual(parents.errors.map(\.line), [3])
        XCTAssertTrue(parents.errors[0].message.contains("NOPE"))
    }

    func testABadBooleanIsRefused() {
        let result = plan("code,parent,name_fi,name_sv,name_en,oid,closed\nORG,,Alue,,,,\nA,ORG,Y,,,,maybe\n")

        XCTAssertEqual(result.errors.map(\.line), [3])
    }

    func testADuplicateCodeNamesBothLines() {
        let result = plan(header + "ORG,,Alue,,,\nA,ORG,Y,,,\nA,ORG,Z,,,\n")

        XCTAssertEqual(result.errors.map(\.line), [4])
        XCTAssertTrue(result.errors[0].message.contains("line 3"))
    }

    func testTheRootMustBeOneRowWithTheOrganisationsCode() {
        XCTAssertEqual(plan(header + "A,ORG,Y,,,\n", current: [UnitState(code: "ORG", parent: nil, name: .init(fi: "A", sv: "A", en: "A"), oid: nil, closed: false)]).errors.map(\.line), [1])
        XCTAssertEqual(plan(header + "ORG,,Alue,,,\nTOO,,Toinen,,,\n").errors.map(\.line), [3])
        XCTAssertEqual(plan(header + "OTHER,,Alue,,,\n").errors.map(\.line), [2])
        XCTAssertEqual(plan("code,parent,name_fi,name_sv,name_en,oid,closed\nORG,,Alue,,,,true\n").errors.map(\.line), [2])
    }

    func testACycleIsRefused() {
        let current = imported(tree)
        // TERV under HAMM, which is under TERV.
        let result = plan(header + "ORG,,Hyvinvointialue,Välfärdsområde,Wellbeing county,1.2.246.10.1\nTERV,HAMM,T,,,\n", current: current)

        XCTAssertEqual(result.errors.map(\.line), [3])
        XCTAssertTrue(result.errors[0].message.contains("cycle"))
        XCTAssertEqual(plan(header + "ORG,,Alue,,,\nA,A,Itse,,,\n").errors.map(\.line), [3])
    }

    func testRenamesMovesClosuresAndReopeningsAreTold() {
        var current = imported(tree + "\nSOS,ORG,Sosiaalipalvelut,,,\nOLD,SOS,Vanha,,,\n")
        current[current.firstIndex { $0.code == "OLD" }!].closed = true
        let changed = """
            code,parent,name_fi,name_sv,name_en,oid,closed
            ORG,,Hyvinvointialue,Välfärdsområde,Wellbeing county,1.2.246.10.1,
            TERV,ORG,Terveyspalvelut,Hälsotjänster,Health services,1.2.246.10.2,
            HAMM,SOS,Suunterveys,Tandklinik,Dental clinic,1.2.246.10.1.5,
            SOS,ORG,Sosiaalipalvelut,,,,1
            OLD,SOS,Vanha,,,,0
            NEW,ORG,Uusi,,,,
            """

        let result = plan(changed, current: current)

        XCTAssertEqual(result.errors, [])
        let counts = result.counts
        XCTAssertEqual([counts.added, counts.renamed, counts.moved, counts.closed, counts.reopened, counts.unchanged], [1, 2, 1, 1, 1, 1])
        let byCode = Dictionary(uniqueKeysWithValues: result.changes.map { ($0.after.code, $0) })
        XCTAssertEqual(byCode["HAMM"]?.kinds, [.renamed, .moved])
        XCTAssertEqual(byCode["HAMM"]?.before?.parent, "TERV")
        XCTAssertEqual(byCode["TERV"]?.kinds, [.renamed], "a new OID counts as renamed")
        XCTAssertEqual(byCode["SOS"]?.kinds, [.closed])
        XCTAssertEqual(byCode["OLD"]?.kinds, [.reopened])
        XCTAssertEqual(byCode["NEW"]?.kinds, [.added])
    }

    func testCloseMissingClosesWhatTheFileLeavesOutAndOnlyThen() {
        let current = imported(tree)
        let partial = header + "ORG,,Hyvinvointialue,Välfärdsområde,Wellbeing county,1.2.246.10.1\nTERV,ORG,Terveyspalvelut,Hälsotjänster,Health services,\n"

        let kept = plan(partial, current: current, closeMissing: false)
        let closed = plan(partial, current: current, closeMissing: true)

        XCTAssertTrue(kept.isEmpty)
        XCTAssertEqual(closed.counts.closed, 1)
        XCTAssertEqual(closed.changes.map(\.after.code), ["HAMM"])
        XCTAssertEqual(closed.changes[0].after.closed, true)
        XCTAssertNil(closed.changes[0].line)
    }

    func testAParentMayBeAUnitAlreadyInTheTree() {
        let result = plan(header + "ORG,,Hyvinvointialue,Välfärdsområde,Wellbeing county,1.2.246.10.1\nNEW,HAMM,Uusi,,,\n", current: imported(tree))

        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.counts.added, 1)
    }

    func testAClosedAncestorClosesItsSubtreeForCustomers() {
        let tree = OrgTree<String>([("ORG", nil), ("A", "ORG"), ("A1", "A"), ("B", "ORG")])

        XCTAssertEqual(tree.effectivelyClosed(["A"]), ["A", "A1"])
        XCTAssertEqual(tree.effectivelyClosed([]), [])
    }
}
