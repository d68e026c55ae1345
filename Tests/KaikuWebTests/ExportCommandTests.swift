import Foundation
import XCTVapor
@testable import KaikuWeb

/// `kaiku export --output FILE` writes into the file it is given, whatever
/// that file is: a symbolic link stays a link, a longer old file is cut.
final class ExportCommandTests: XCTestCase {
    func testOutputIsWrittenInPlaceThroughALinkAndTruncated() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)
            for score in [9, 3] { try await TestWorld.submit(app, target: "t-a1", nps: score) }
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kaiku-export-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let real = directory.appendingPathComponent("real.csv").path
            let link = directory.appendingPathComponent("link.csv").path
            try String(repeating: "old line\n", count: 1_000).write(toFile: real, atomically: false, encoding: .utf8)
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)

            try await ExportCommand.run(app, arguments: ["kaiku", "export", "answers", "--org", "test-county", "--output", link, "--no-bom"])

            let type = try FileManager.default.attributesOfItem(atPath: link)[.type] as? FileAttributeType
            XCTAssertEqual(type, .typeSymbolicLink, "the link was replaced by a file")
            let written = try String(contentsOfFile: real, encoding: .utf8)
            XCTAssertFalse(written.contains("old line"), "the old content is cut")
            XCTAssertEqual(written.split(separator: "\r\n").count, 3, "a header and two answers: \(written)")
        }
    }
}
