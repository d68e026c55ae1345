/// The code a customer keeps to follow their feedback. Made of characters
/// that cannot be mistaken for each other when read aloud or typed from paper.
public enum ReceiptCode {
    static let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    /// Eight random characters in two groups, e.g. `K7QH-3MXA`: 40 bits, enough
    /// that guessing another customer's code is impractical.
    public static func make<G: RandomNumberGenerator>(using generator: inout G) -> String {
        let chars = (0..<8).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        return String(chars[0..<4]) + "-" + String(chars[4..<8])
    }

    /// The `index`-th code after `start`: codes that never repeat (for the
    /// first 2^40 indexes) and follow each other, so a bulk generator needs
    /// no lookup to keep receipts unique and their index grows at its end.
    /// For synthetic data only: a live receipt must be unguessable (`make`).
    public static func sequence(_ index: UInt64, start: UInt64) -> String {
        let x = (start &+ index) & ((1 << 40) - 1)
        let chars = (0..<8).map { alphabet[Int((x >> (35 - 5 * UInt64($0))) & 31)] }
        return String(chars[0..<4]) + "-" + String(chars[4..<8])
    }

    /// A live receipt from the system's generator: the eight characters come
    /// from one 64-bit draw, five bits each (the alphabet has 32 characters,
    /// so each is uniform), instead of a system call per character.
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bits = generator.next()
        var text: [UInt8] = []
        text.reserveCapacity(9)
        for index in 0..<8 {
            if index == 4 { text.append(UInt8(ascii: "-")) }
            text.append(alphabetBytes[Int((bits >> (5 * UInt64(index))) & 31)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static let alphabetBytes = Array(String(alphabet).utf8)

    /// Normalises what a person typed: case, spaces and a missing hyphen.
    public static func normalise(_ input: String) -> String? {
        let cleaned = input.uppercased().filter { $0 != "-" && $0 != " " }
        guard cleaned.count == 8, cleaned.allSatisfy({ alphabet.contains($0) }) else { return nil }
        return String(cleaned.prefix(4)) + "-" + String(cleaned.suffix(4))
    }
}
