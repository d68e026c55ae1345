/// The eight data-mask patterns. Masking breaks up shapes in the data that
/// could be mistaken for finder patterns or leave large uniform areas.
enum QRMask: Int, Sendable, CaseIterable {
    case pattern0, pattern1, pattern2, pattern3, pattern4, pattern5, pattern6, pattern7

    /// Whether the data module at column `x`, row `y` is flipped.
    func inverts(x: Int, y: Int) -> Bool {
        switch self {
        case .pattern0: (x + y) % 2 == 0
        case .pattern1: y % 2 == 0
        case .pattern2: x % 3 == 0
        case .pattern3: (x + y) % 3 == 0
        case .pattern4: (x / 3 + y / 2) % 2 == 0
        case .pattern5: x * y % 2 + x * y % 3 == 0
        case .pattern6: (x * y % 2 + x * y % 3) % 2 == 0
        case .pattern7: ((x + y) % 2 + x * y % 3) % 2 == 0
        }
    }
}
