/// A setting for the SMS gateway that Kaiku cannot use. Raised at start-up
/// rather than on the first message, so a typo in the environment stops the
/// server with a message that names the variable instead of silently losing
/// every text sent later.
public struct SMSConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The environment variable, or the setting's name when it was built in code.
    public var setting: String
    public var problem: String

    public init(setting: String, problem: String) {
        self.setting = setting
        self.problem = problem
    }

    public var description: String { "\(setting): \(problem)" }

    /// Runs `parse` and files any configuration error it raises under
    /// `variable`, so the lower-level parsers need not know where their input
    /// came from.
    static func labelled<Value>(_ variable: String, _ parse: () throws -> Value) throws -> Value {
        do {
            return try parse()
        } catch var error as SMSConfigurationError {
            error.setting = variable
            throw error
        }
    }
}
