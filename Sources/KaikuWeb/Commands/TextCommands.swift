import ConsoleKit

/// `kaiku text …`: the open-text classifier.
struct TextCommands: AsyncCommandGroup {
    var help: String { "Measure the open-text classifier (text evaluate)." }
    var commands: [String: any AnyAsyncCommand] { ["evaluate": TextEvaluateCommand()] }
}
