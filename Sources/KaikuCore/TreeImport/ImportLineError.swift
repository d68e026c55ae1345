/// One refused line of an imported file. `line` is the file's own line
/// number (the header is line 1), so a person can find it in their editor;
/// a problem with the file as a whole names line 1.
public struct ImportLineError: Sendable, Hashable, Codable {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
}
