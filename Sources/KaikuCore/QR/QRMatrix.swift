/// The module grid while a symbol is being built. `isFunction` marks modules
/// owned by finder, timing, alignment, format and version patterns, which data
/// placement and masking must leave alone.
struct QRMatrix: Sendable, Equatable {
    let version: QRVersion
    let size: Int
    private(set) var modules: [Bool]
    private(set) var isFunction: [Bool]

    init(version: QRVersion) {
        self.version = version
        self.size = version.size
        self.modules = Array(repeating: false, count: size * size)
        self.isFunction = Array(repeating: false, count: size * size)
        drawFunctionPatterns()
    }

    subscript(x: Int, y: Int) -> Bool {
        get { modules[y * size + x] }
        set { modules[y * size + x] = newValue }
    }

    func isFunctionModule(x: Int, y: Int) -> Bool {
        isFunction[y * size + x]
    }

    mutating func setFunctionModule(x: Int, y: Int, dark: Bool) {
        modules[y * size + x] = dark
        isFunction[y * size + x] = true
    }

    private mutating func drawFunctionPatterns() {
        for index in 0..<size {
            setFunctionModule(x: 6, y: index, dark: index.isMultiple(of: 2))
            setFunctionModule(x: index, y: 6, dark: index.isMultiple(of: 2))
        }

        // Finders overwrite the ends of the timing lines, which is intended.
        drawFinderPattern(centerX: 3, centerY: 3)
        drawFinderPattern(centerX: size - 4, centerY: 3)
        drawFinderPattern(centerX: 3, centerY: size - 4)

        let positions = version.alignmentPatternPositions
        for (row, y) in positions.enumerated() {
            for (column, x) in positions.enumerated() {
                // The three corners that coincide with finder patterns are skipped.
                let last = positions.count - 1
                if (row == 0 && column == 0) || (row == 0 && column == last) || (row == last && column == 0) {
                    continue
                }
                drawAlignmentPattern(centerX: x, centerY: y)
            }
        }

        // Reserve the format area now so data placement skips it; the real
        // bits are written once the mask is known.
        drawFormatInformation(errorCorrection: .medium, mask: .pattern0)
        drawVersionInformation()
    }

    /// 7×7 finder plus its one-module light separator, clipped at the edges.
    private mutating func drawFinderPattern(centerX: Int, centerY: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let x = centerX + dx
                let y = centerY + dy
                guard (0..<size).contains(x), (0..<size).contains(y) else { continue }
                let ring = max(abs(dx), abs(dy))
                setFunctionModule(x: x, y: y, dark: ring != 2 && ring != 4)
            }
        }
    }

    private mutating func drawAlignmentPattern(centerX: Int, centerY: Int) {
        for dy in -2...2 {
            for dx in -2...2 {
                setFunctionModule(x: centerX + dx, y: centerY + dy, dark: max(abs(dx), abs(dy)) != 1)
            }
        }
    }
}
