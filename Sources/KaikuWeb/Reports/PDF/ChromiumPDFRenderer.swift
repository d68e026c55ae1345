import Foundation

/// Prints HTML to PDF with headless Chromium: the document goes to a
/// temporary directory (with a throwaway browser profile), Chromium prints it
/// on A4 without its own header and footer (the report's CSS draws its own
/// footer with page numbers), and the directory is removed whatever happens.
/// The process is awaited through its termination handler, never on an event
/// loop, and killed when it runs past the timeout.
struct ChromiumPDFRenderer: PDFRendering {
    var executable: String
    var timeout: TimeInterval = 60

    static let defaultExecutable = "/usr/bin/chromium"

    /// `KAIKU_CHROMIUM` names another browser binary.
    static func fromEnvironment(_ environment: [String: String]) -> ChromiumPDFRenderer {
        let path = environment["KAIKU_CHROMIUM"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultExecutable
        return ChromiumPDFRenderer(executable: path)
    }

    var unavailableReason: String? {
        FileManager.default.isExecutableFile(atPath: executable)
            ? nil
            : "PDF output needs headless Chromium, which is not installed at \(executable) (set KAIKU_CHROMIUM to its path). The HTML report works without it."
    }

    func pdf(html: String) async throws -> Data {
        if let reason = unavailableReason { throw PDFRenderingError.unavailable(reason) }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kaiku-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("report.html")
        let output = directory.appendingPathComponent("report.pdf")
        try Data(html.utf8).write(to: input)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-networking", "--disable-sync", "--mute-audio",
            "--user-data-dir=\(directory.appendingPathComponent("profile").path)",
            "--no-pdf-header-footer", "--generate-pdf-document-outline",
            "--print-to-pdf=\(output.path)", input.absoluteString,
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = directory.path
        process.environment = environment
        let log = directory.appendingPathComponent("chromium.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice

        let running = RunningProcess(process)
        let watchdog = Task { [timeout] in
            try await Task.sleep(nanoseconds: UInt64(timeout * 1_000_000_000))
            running.kill()
        }
        defer { watchdog.cancel() }
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: PDFRenderingError.failed("Chromium could not be started: \(error)"))
            }
        }
        if running.wasKilled { throw PDFRenderingError.timedOut(seconds: Int(timeout)) }
        guard let data = try? Data(contentsOf: output), data.starts(with: Array("%PDF".utf8)) else {
            let tail = (try? String(contentsOf: log, encoding: .utf8)).map { String($0.suffix(400)) } ?? ""
            throw PDFRenderingError.failed("Chromium made no PDF (exit status \(status)). \(tail)")
        }
        return data
    }
}

/// A started browser the watchdog may kill from another task.
private final class RunningProcess: @unchecked Sendable {
    private let process: Process
    private let lock = NSLock()
    private var killed = false

    init(_ process: Process) { self.process = process }

    var wasKilled: Bool { lock.withLock { killed } }

    func kill() {
        lock.withLock {
            guard process.isRunning else { return }
            killed = true
            process.terminate()
        }
    }
}
