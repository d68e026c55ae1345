import Foundation
import NIOCore
import NIOPosix
import XCTest

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the sink stored for one message (its JSON sidecar, plus the raw bytes).
struct StoredMessage: Decodable {
    struct Mailbox: Decodable {
        let displayName: String
        let address: String
        enum CodingKeys: String, CodingKey {
            case displayName = "display_name", address = "addr_spec"
        }
    }
    struct Part: Decodable {
        let contentType: String
        let body: String
        enum CodingKeys: String, CodingKey {
            case contentType = "content_type", body
        }
    }
    struct Parsed: Decodable {
        let headers: [String: String]
        let defects: [String]
        let body: String?
        /// The leaf parts of a multipart message, decoded.
        let parts: [Part]?
        let from: Mailbox?
        let to: Mailbox?
        let replyTo: Mailbox?
        enum CodingKeys: String, CodingKey {
            case headers, defects, body, parts, from = "from_address", to = "to_address", replyTo = "reply_to_address"
        }
    }
    let mailFrom: String
    let recipients: [String]
    let tls: Bool
    let authenticatedAs: String?
    let authMechanism: String?
    let message: Parsed
    var raw = Data()
    enum CodingKeys: String, CodingKey {
        case mailFrom = "mail_from", recipients = "rcpt_tos", tls, authenticatedAs = "authenticated_as"
        case authMechanism = "auth_mechanism", message
    }
}

/// Tests/system/smtp_sink.py as a child process, stopped in tearDown. Its
/// stdin is a pipe the sink watches: should the test process die, the sink
/// sees EOF and exits instead of lingering.
final class SMTPSink {
    struct Unavailable: Error, CustomStringConvertible {
        let problem: String
        var description: String {
            "\(problem)\nThe SMTP tests need python3 with aiosmtpd and openssl: run scripts/setup-test-deps.sh"
        }
    }

    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("system/smtp_sink.py").path

    let port: Int
    let directory: URL
    private let process: Process
    private let stdin: Pipe

    /// `port`: where to listen, for a test that starts the sink only after the sender first found nothing there.
    init(directory: URL, arguments: [String] = [], port chosen: Int? = nil) throws {
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var problem = ""
        // A free port can be taken by someone else before the sink binds it;
        // then another is tried.
        for attempt in 1...3 {
            let port = try chosen ?? Self.freeLoopbackPort()
            let stderrFile = directory.appendingPathComponent("sink-stderr-\(attempt).txt")
            _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", Self.script, "--port", "\(port)", "--dir", directory.path,
                                 "--exit-on-stdin-eof"] + arguments
            let stdout = Pipe()
            let stdin = Pipe()
            process.standardOutput = stdout
            process.standardInput = stdin
            process.standardError = try FileHandle(forWritingTo: stderrFile)
            try process.run()
            if Self.waitForReady(stdout.fileHandleForReading, timeout: 15) {
                self.port = port
                self.process = process
                self.stdin = stdin
                return
            }
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            let stderr = (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? ""
            problem = "the SMTP test sink did not start (exit status \(process.terminationStatus)): \(stderr)"
            // 3: aiosmtpd missing; 127: no python3. Retrying cannot help.
            if [3, 127].contains(process.terminationStatus) { break }
        }
        throw Unavailable(problem: problem)
    }

    /// Closing stdin and SIGTERM both stop the sink; SIGKILL after two
    /// seconds makes sure a wedged one cannot hang the test run.
    func stop() {
        try? stdin.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    func messages() throws -> [StoredMessage] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { name in
            let json = try Data(contentsOf: directory.appendingPathComponent(name))
            var message = try JSONDecoder().decode(StoredMessage.self, from: json)
            message.raw = try Data(contentsOf: directory.appendingPathComponent(
                String(name.dropLast(".json".count)) + ".eml"))
            return message
        }
    }

    func onlyMessage(file: StaticString = #filePath, line: UInt = #line) throws -> StoredMessage {
        let all = try messages()
        XCTAssertEqual(all.count, 1, "messages stored by the sink", file: file, line: line)
        return try XCTUnwrap(all.first, file: file, line: line)
    }

    static func freeLoopbackPort() throws -> Int {
        let channel = try ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).wait()
        defer { try? channel.close().wait() }
        return channel.localAddress?.port ?? 0
    }

    /// Runs a short command; returns its status and combined output.
    static func run(_ executable: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Reads the sink's stdout until READY, EOF (it exited) or the deadline.
    /// poll(2) rather than a reader thread keeps this simple and bounded.
    private static func waitForReady(_ handle: FileHandle, timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var seen = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 256)
        while deadline.timeIntervalSinceNow > 0 {
            var descriptor = pollfd(fd: handle.fileDescriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(max(1, deadline.timeIntervalSinceNow * 1000)))
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { return false }
            let count = read(handle.fileDescriptor, &buffer, buffer.count)
            guard count > 0 else { return false }
            seen += buffer[..<count]
            if String(decoding: seen, as: UTF8.self).contains("READY") { return true }
        }
        return false
    }
}
