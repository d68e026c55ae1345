/// The single-use codes that sign a user in when their phone is lost: ten of
/// them, each two groups of five base32 characters (50 random bits), shown
/// once and stored only as hashes.
public enum RecoveryCodes {
    public static let count = 10

    public static func generate() -> [String] {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
        return (0..<count).map { _ in
            let characters = (0..<10).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
            return String(characters[0..<5]) + "-" + String(characters[5..<10])
        }
    }

    /// The form a typed code is compared in: lower case, without spaces or hyphens.
    public static func normalised(_ typed: String) -> String? {
        let cleaned = typed.lowercased().filter { $0 != " " && $0 != "-" }
        guard cleaned.count == 10, cleaned.allSatisfy({ ("a"..."z").contains($0) || ("2"..."7").contains($0) }) else { return nil }
        return cleaned
    }
}
