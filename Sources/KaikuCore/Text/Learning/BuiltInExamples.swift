import Foundation

/// The examples every organisation's classifier starts from: the training part of the
/// repository's evaluation set (`Evaluation/open-text-*.jsonl`, split "train"), labelled
/// with the seven default themes only. Embedded as Swift source
/// (`BuiltInExamples+Data.swift`, written by `scripts/generate-classifier-examples.py`)
/// so that KaikuCore needs no resource bundle and no file at run time.
enum BuiltInExamples {

    static let all: [LabelledFeedback] = parse(jsonLines)

    /// Lines that do not decode are skipped; `BuiltInExamplesTests` checks there are none.
    static func parse(_ text: String) -> [LabelledFeedback] {
        let decoder = JSONDecoder()
        return text.split(separator: "\n").compactMap { line in
            try? decoder.decode(LabelledFeedback.self, from: Data(line.utf8))
        }
    }
}
