import ConsoleKit
import Foundation
import KaikuCore

/// `kaiku text evaluate [--set DIR_OR_FILE]`: the classifier's precision, recall and F1 per
/// theme and its sentiment accuracy on the held-out part of a labelled set, before and after
/// learning from the set's train part, as Markdown on standard output. Needs no database.
struct TextEvaluateCommand: KaikuCommand {
    struct Signature: CommandSignature {
        @Option(name: "set", help: "A labelled set: a JSON Lines file, or a folder of open-text-*.jsonl files (default: ./Evaluation, the repository's set).")
        var set: String?

        init() {}
    }

    var help: String { "Measure the open-text classifier on a labelled set's held-out (test) part; the figures on standard output." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let location = try signature.$set.given() ?? "Evaluation"
        let items = try Self.load(location)
        guard items.contains(where: { $0.split == .test }) else {
            throw CommandUsageError("\(location) has no comment with \"split\": \"test\" to measure on.")
        }
        FileHandle.standardError.write(Data("Evaluating on \(items.count) labelled comments from \(location)…\n".utf8))
        let encoder = JSONEncoder()
        let report = ClassifierEvaluation.run(on: items) { (try? encoder.encode($0).count) ?? 0 }
        print(report.markdown, terminator: "")
    }

    /// Bounded so that a wrong path (a disk image, a log) fails fast instead of filling memory.
    static let maximumBytes = 50_000_000

    static func load(_ location: String) throws -> [EvaluationItem] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: location, isDirectory: &isFolder) else {
            throw CommandUsageError("\(location) does not exist; give a labelled set with --set DIR_OR_FILE.")
        }
        var files = [location]
        if isFolder.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: location)) ?? []
            files = names.filter { $0.hasSuffix(".jsonl") }.sorted().map { location + "/" + $0 }
            guard !files.isEmpty else { throw CommandUsageError("\(location) holds no .jsonl file.") }
        }
        var items: [EvaluationItem] = []
        for file in files {
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
            guard size <= maximumBytes else { throw CommandUsageError("\(file) is larger than 50 MB.") }
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                throw CommandUsageError("\(file) cannot be read as UTF-8 text.")
            }
            do {
                items += try EvaluationItem.parse(jsonLines: text)
            } catch let error as EvaluationItem.LineError {
                throw CommandUsageError("\(file): \(error.description)")
            }
        }
        return items
    }
}
