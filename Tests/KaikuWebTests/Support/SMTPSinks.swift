import Foundation

/// The SMTP sinks one test starts, in a scratch directory of their own
/// (which the test may use for other files too); `stopAll` in tearDown
/// stops every sink and removes the directory.
final class SMTPSinks {
    let scratch: URL
    private var started: [SMTPSink] = []

    init(prefix: String) throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    func start(_ arguments: [String] = [], port: Int? = nil) throws -> SMTPSink {
        let sink = try SMTPSink(directory: scratch.appendingPathComponent("sink-\(started.count)"), arguments: arguments, port: port)
        started.append(sink)
        return sink
    }

    func stopAll() {
        started.forEach { $0.stop() }
        started.removeAll()
        try? FileManager.default.removeItem(at: scratch)
    }
}
