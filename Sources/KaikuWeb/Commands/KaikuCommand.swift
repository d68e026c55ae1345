import ConsoleKit

extension Option {
    /// The value, or nil when not given; given without a value, a usage error.
    func given() throws -> Value? {
        if isPresent, wrappedValue == nil { throw CommandUsageError("--\(name) needs a value.") }
        return wrappedValue
    }
}

/// An option given without its value, found after parsing whatever its type.
private protocol ValueCheckedOption {
    var nameIfValueMissing: String? { get }
}

extension Option: ValueCheckedOption {
    fileprivate var nameIfValueMissing: String? { isPresent && wrappedValue == nil ? name : nil }
}

/// A Kaiku command: parsed as ConsoleKit does, except that an option given
/// last without its value is named as such, not as unknown input.
protocol KaikuCommand: AsyncCommand {}

extension KaikuCommand {
    func run(using context: inout CommandContext) async throws {
        let signature = try parse(&context.input)
        try await run(using: context, signature: signature)
    }

    func parse(_ input: inout CommandInput) throws -> Signature {
        let signature = try Signature(from: &input)
        let missing = Mirror(reflecting: signature).children.lazy.compactMap { ($0.value as? any ValueCheckedOption)?.nameIfValueMissing }.first
        if let missing { throw CommandUsageError("--\(missing) needs a value.") }
        guard input.arguments.isEmpty else { throw CommandError.unknownInput(input.arguments.joined(separator: " ")) }
        return signature
    }
}
