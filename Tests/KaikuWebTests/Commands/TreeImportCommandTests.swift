import Foundation
import XCTest

/// `kaiku units import` and `kaiku targets import` run as an operator runs
/// them: counts on standard output, refused lines on standard error, exit 1.
final class TreeImportCommandTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kaiku-tree-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func kaiku(_ arguments: String...) throws -> KaikuBinary.Outcome {
        try KaikuBinary.run(arguments, in: directory)
    }

    private func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func testImportsCountDryRunsAndRefuseWithLineNumbers() throws {
        let data = directory.appendingPathComponent("data").path
        let generated = try kaiku("generate", "--answers", "10", "--units", "2", "--data-dir", data)
        XCTAssertEqual(generated.status, 0, generated.errors)
        let units = try write("units.csv", "code;parent;name_fi;name_sv;name_en;oid\nSYN;;Synteettinen hyvinvointialue;Syntetiskt välfärdsområde;Synthetic wellbeing county;\nSAAM;SYN;Sámi guovddáš;Samiskt centrum;Sámi centre;1.2.246.10.9\n")
        let targets = try write("targets.csv", "code,unit,name_fi,name_sv,name_en,keywords,active\nsaam,SAAM,Sámi guovddáš,Samiskt centrum,Sámi centre,sámi,\n")
        let broken = try write("broken.csv", "code,parent,name_fi,name_sv,name_en,oid\nSYN,,Juuri,,,\nX,NOWHERE,Ei,,,\n")

        let dry = try kaiku("units", "import", units, "--data-dir", data, "--dry-run")
        let real = try kaiku("units", "import", units, "--data-dir", data)
        let again = try kaiku("units", "import", units, "--data-dir", data)
        let target = try kaiku("targets", "import", targets, "--data-dir", data)
        let refused = try kaiku("units", "import", broken, "--data-dir", data)

        XCTAssertEqual(dry.status, 0, dry.errors)
        XCTAssertTrue(dry.output.contains("added 1,") && dry.output.contains("dry run"), dry.output)
        XCTAssertTrue(real.output.contains("added 1,"), real.output + real.errors)
        XCTAssertTrue(again.output.contains("added 0,") && again.output.contains("moved 0"), again.output)
        XCTAssertEqual(target.status, 0, target.errors)
        XCTAssertTrue(target.output.contains("added 1,"), target.output)
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.errors.contains("line 3: The parent NOWHERE"), refused.errors)
        XCTAssertTrue(refused.errors.contains("nothing was imported"), refused.errors)
        XCTAssertEqual(refused.output, "")
    }

    func testHelpNamesTheOptions() throws {
        for (command, options) in [(["units", "import"], ["file", "org", "dry-run", "close-missing", "data-dir"]),
                                   (["targets", "import"], ["file", "org", "dry-run", "data-dir"])] {
            let help = try kaiku(command[0], command[1], "--help")
            XCTAssertEqual(help.status, 0, help.errors)
            for option in options { XCTAssertTrue(help.output.contains(option), "\(command) \(option):\n\(help.output)") }
        }
    }
}
