/// A wrong option, a missing value or argument: what is wrong, as a sentence.
/// The command line adds where to ask for help.
struct CommandUsageError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
