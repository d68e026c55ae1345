import Foundation

/// An answer's own choice and open answers as stored in `own_answers`: a
/// JSON object with sorted keys, nil when there are none.
public enum OwnAnswers {
    public static func encode(_ answers: [String: String]) -> String? {
        guard !answers.isEmpty else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(answers)).map { String(decoding: $0, as: UTF8.self) }
    }

    public static func decode(_ text: String?) -> [String: String] {
        guard let text, !text.isEmpty else { return [:] }
        return (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
    }
}
