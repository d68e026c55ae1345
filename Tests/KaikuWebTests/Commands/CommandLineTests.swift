import Foundation
import XCTest
@testable import KaikuWeb

/// The built `kaiku` binary as a person meets it: help that explains every
/// command without running it, and one-line mistakes that say where to ask.
final class CommandLineTests: XCTestCase {
    private typealias Outcome = KaikuBinary.Outcome

    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kaiku-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private var binary: URL { KaikuBinary.url }

    /// Runs the binary in an empty directory, with a DATABASE_URL that would
    /// be refused if anything tried to open it.
    private func kaiku(_ arguments: String..., environment extra: [String: String] = [:]) throws -> Outcome {
        try run(arguments, environment: extra)
    }

    private func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Outcome {
        try KaikuBinary.run(arguments, in: directory,
                            environment: ["DATABASE_URL": "sqlite://\(directory.path)/missing/kaiku.sqlite"].merging(extra) { $1 })
    }

    private func assertNothingMade(file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), [], "help and mistakes make no data directory or database", file: file, line: line)
    }

    func testHelpListsEveryCommandWithALine() throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: binary.path), "build the kaiku executable first (swift build --build-tests)")
        let help = try kaiku("--help")
        XCTAssertEqual(help.status, 0, help.errors)
        for command in ["serve", "demo", "migrate", "generate", "export", "visits", "api-key", "organisation", "run-jobs", "purge-contacts", "sms-simulator", "routes", "text", "reports"] {
            let listed = help.output.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(command + " ") }
            XCTAssertNotNil(listed, "\(command) is listed with its line:\n\(help.output)")
        }
        try assertNothingMade()
    }

    func testCommandHelpListsOptionsAndRunsNothing() throws {
        for (command, options) in [(["generate"], ["--answers", "--units", "--data-dir"]),
                                   (["api-key", "create"], ["--name", "--org", "--scope", "--data-dir"]),
                                   (["visits", "import"], ["file", "--org", "--data-dir"]),
                                   (["export"], ["kind", "--format", "--output", "--data-dir"]),
                                   (["serve"], ["--hostname", "--port", "--data-dir"]),
                                   (["demo"], ["--port", "--data-dir"]),
                                   (["sms-simulator"], ["--port", "--token"]),
                                   (["text", "evaluate"], ["--set"])] {
            let help = try run(command + ["--help"])
            XCTAssertEqual(help.status, 0, "\(command): \(help.errors)")
            for option in options {
                XCTAssertTrue(help.output.contains(option.hasPrefix("--") ? String(option.dropFirst(2)) : option), "\(command) --help names \(option):\n\(help.output)")
            }
        }
        try assertNothingMade()
    }

    func testAWrongOptionIsOneLineThatSaysWhereToAsk() throws {
        let wrong = try kaiku("generate", "--answrs", "5")
        XCTAssertNotEqual(wrong.status, 0)
        XCTAssertEqual(wrong.errors.split(separator: "\n").count, 1, wrong.errors)
        XCTAssertTrue(wrong.errors.contains("--answrs") && wrong.errors.contains("kaiku generate --help"), wrong.errors)
        XCTAssertEqual(wrong.output, "")

        let notANumber = try kaiku("generate", "--answers", "many")
        XCTAssertNotEqual(notANumber.status, 0)
        XCTAssertTrue(notANumber.errors.contains("--answers must be a whole number"), notANumber.errors)

        let missing = try kaiku("visits", "import")
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertEqual(missing.errors.split(separator: "\n").count, 1, missing.errors)
        XCTAssertTrue(missing.errors.contains("FILE is missing") && missing.errors.contains("kaiku visits import --help"), missing.errors)

        let unknown = try kaiku("generat")
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.errors.contains("'generate'") && unknown.errors.contains("kaiku --help"), unknown.errors)

        let scope = try kaiku("api-key", "create", "--name", "x", "--scope", "everything")
        XCTAssertNotEqual(scope.status, 0)
        XCTAssertTrue(scope.errors.contains("open311 or visits"), scope.errors)
        try assertNothingMade()
    }

    func testErrorsReadAsSentencesNotTypeNames() throws {
        let refused = try kaiku("migrate")
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.errors.contains("\(directory.path)/missing") && refused.errors.contains("does not exist"), refused.errors)
        for typeName in ["Abort", "Error(", "SettingsProblem", "CommandError", "NSCocoaErrorDomain"] {
            XCTAssertFalse(refused.errors.contains(typeName), refused.errors)
        }
        try assertNothingMade()
    }

    func testOptionValuesMayFollowAnEqualsSign() {
        XCTAssertEqual(CommandArguments.normalised(["/x/kaiku", "export", "answers", "--org=JH", "--no-bom"]),
                       ["kaiku", "export", "answers", "--org", "JH", "--no-bom"])
        XCTAssertEqual(CommandArguments.commandPath(of: ["kaiku", "visits", "import", "f.csv"]), "kaiku visits import")
        XCTAssertEqual(CommandArguments.commandPath(of: ["kaiku", "nonsense"]), "kaiku")
    }
}
