import KaikuCore
import XCTest

final class TargetImportPlanTests: XCTestCase {
    private let units: Set<String> = ["ORG", "TERV", "HAMM", "SOS"]
    private let file = """
        code,unit,name_fi,name_sv,name_en,keywords,active
        hammas-keskusta,HAMM,"Hammashoitola, Keskusta",Tandklinik centrum,Dental clinic,hammaslääkäri   tandläkare dentist,
        neuvola,TERV,Neuvola,Rådgivning,Child health clinic,,1
        """

    private func plan(_ text: String, current: [TargetState] = [], taken: Set<String> = []) -> TargetImportPlan {
        TargetImportPlan.plan(text, current: current, units: units, takenElsewhere: taken)
    }

    func testAFirstImportAddsTargetsWithTidyKeywords() {
        let result = plan(file)

        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.counts.added, 2)
        XCTAssertEqual(result.changes[0].after, TargetState(code: "hammas-keskusta", unit: "HAMM",
                                                            name: .init(fi: "Hammashoitola, Keskusta", sv: "Tandklinik centrum", en: "Dental clinic"),
                                                            keywords: "hammaslääkäri tandläkare dentist", active: true))
    }

    func testReimportingTheSameFileChangesNothing() {
        let result = plan(file, current: plan(file).changes.map(\.after))

        XCTAssertTrue(result.isEmpty)
        XCTAssertEqual(result.counts.unchanged, 2)
    }

    func testRenameMoveDeactivationAndReactivationAreTold() {
        var current = plan(file).changes.map(\.after)
        current[1].active = false
        let changed = """
            code;unit;name_fi;name_sv;name_en;keywords;active
            hammas-keskusta;SOS;Hammashoitola, Keskusta;Tandklinik centrum;Dental clinic;hammaslääkäri tandläkare dentist;false
            neuvola;TERV;Neuvola;Rådgivning;Child health clinic;lapsi barn;
            """

        let result = plan(changed, current: current)

        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.changes.map(\.kinds), [[.moved, .closed], [.renamed, .reopened]])
        XCTAssertEqual([result.counts.moved, result.counts.closed, result.counts.renamed, result.counts.reopened], [1, 1, 1, 1])
    }

    func testEveryRefusalNamesItsLine() {
        let text = """
            code,unit,name_fi,name_sv,name_en,keywords,active
            a,NOPE,Nimi,,,,
            b,HAMM,,,,,
            c,HAMM,Nimi,,,,perhaps
            a,HAMM,Toinen,,,,
            muu,HAMM,Nimi,,,,
            ä,HAMM,Nimi,,,,
            """

        let result = plan(text, taken: ["muu"])

        XCTAssertEqual(result.errors.map(\.line), [2, 3, 4, 5, 6, 7])
        XCTAssertTrue(result.changes.isEmpty)
        XCTAssertTrue(result.errors[0].message.contains("NOPE"))
        XCTAssertTrue(result.errors[4].message.contains("another organisation"))
    }

    func testTheSharedValueChecksServeASingleTargetEditor() {
        XCTAssertEqual(TargetState.problems(code: "x", unit: "HAMM", name: .init(fi: "Nimi", sv: "", en: ""), keywords: "",
                                            units: units, takenElsewhere: []), [])
        XCTAssertEqual(TargetState.problems(code: "", unit: "HAMM", name: .init(fi: "", sv: "", en: ""), keywords: "",
                                            units: units, takenElsewhere: []).count, 2)
        XCTAssertEqual(TargetState.normalised(code: "x", unit: "HAMM", name: .init(fi: "Nimi", sv: "", en: ""), keywords: " a,b  c ", active: true).keywords, "a b c")
    }
}
