extension QRMatrix {
    /// The mask-evaluation score of ISO/IEC 18004 §7.8.3; lower is easier to scan.
    func penaltyScore() -> Int {
        var score = 0
        for line in 0..<size {
            let row = (0..<size).map { self[$0, line] }
            let column = (0..<size).map { self[line, $0] }
            score += QRMatrix.runPenalty(row) + QRMatrix.finderLikePenalty(row)
            score += QRMatrix.runPenalty(column) + QRMatrix.finderLikePenalty(column)
        }
        score += blockPenalty()
        score += balancePenalty()
        return score
    }

    /// Rule 1: each run of five or more same-coloured modules costs 3, plus 1
    /// per module beyond five.
    static func runPenalty(_ line: [Bool]) -> Int {
        var score = 0
        var runLength = 0
        for index in line.indices {
            runLength = index > 0 && line[index] == line[index - 1] ? runLength + 1 : 1
            let runEnds = index == line.count - 1 || line[index + 1] != line[index]
            if runEnds && runLength >= 5 { score += 3 + (runLength - 5) }
        }
        return score
    }

    /// Rule 3: 40 for each dark:light:dark:light:dark run of ratio 1:1:3:1:1
    /// with a light area four times the unit wide on a side (counted per
    /// side), as scanners could take it for a finder pattern. The spec states
    /// a ratio, so scaled-up copies count as well as the 1011101 original.
    static func finderLikePenalty(_ line: [Bool]) -> Int {
        // Alternating run lengths, starting and ending with light runs. The
        // quiet zone makes both ends light; `line.count` stands in for its
        // width because it exceeds any 4·unit that fits in the line.
        var runs = [line.count]
        var isDarkRun = false
        for module in line {
            if module == isDarkRun {
                runs[runs.count - 1] += 1
            } else {
                runs.append(1)
                isDarkRun = module
            }
        }
        if isDarkRun { runs.append(0) }
        runs[runs.count - 1] += line.count

        var score = 0
        // Dark runs sit at odd indices; the centre one needs two runs and a
        // light area on each side.
        for centre in stride(from: 3, to: runs.count - 3, by: 2) {
            let unit = runs[centre - 2]
            guard runs[centre - 1] == unit, runs[centre] == 3 * unit,
                  runs[centre + 1] == unit, runs[centre + 2] == unit else { continue }
            if runs[centre - 3] >= 4 * unit { score += 40 }
            if runs[centre + 3] >= 4 * unit { score += 40 }
        }
        return score
    }

    /// Rule 2: 3 for every 2×2 block of one colour (overlapping blocks all count).
    func blockPenalty() -> Int {
        var score = 0
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let colour = self[x, y]
                if self[x + 1, y] == colour && self[x, y + 1] == colour && self[x + 1, y + 1] == colour {
                    score += 3
                }
            }
        }
        return score
    }

    /// Rule 4: 10 for every full 5% step the dark share strays from 50%.
    func balancePenalty() -> Int {
        let total = size * size
        let dark = modules.lazy.filter { $0 }.count
        // |dark/total − 1/2| measured in 5% steps, in integers: |20·dark − 10·total| / total.
        let fivePercentSteps = abs(dark * 20 - total * 10) / total
        return fivePercentSteps * 10
    }
}
