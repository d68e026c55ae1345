#!/usr/bin/env bash
# Cross-validation of the open-text classifier on the TRAIN part of Evaluation/open-text-*.jsonl
# only (the `test` items are dropped as they are read), without building the package: compiles
# the classifier sources with swiftc -O like eval-text-swiftc.sh. Folds by a hash of the id (so
# adding comments leaves the reference comments' folds as they were), REPEATS rounds (default 3)
# averaged; scores on the reference labeller's comments (fi-001…270, sv/en-001…130, the labeller
# of the held-out part) and on all. Prints macro-F1 per threshold and floor (fl1.10 = no floor),
# a second-theme threshold, thresholds chosen per theme on the non-reference comments, per-theme
# F1, sentiment accuracy and confusion.
# Settings: LR, REG, PW, EPOCHS, PASSES, MINDOC, NBMIX, NBALPHA, BALANCE, REFDUP (the reference comments counted n times,
# instead of the set's `weight`); ERRORS=1 lists the reference
# comments it gets wrong; DUMP=FILE writes the out-of-fold theme scores of every train comment
# (for auditing labels); NEWTHEME=1 also cross-validates the 20-correction `parking` theme.
# KNN=1 also measures a second learner blended with the regression (k nearest train comments by
# cosine over idf-weighted text features; KNNALL=1 adds the lexicon features), a multinomial naive
# Bayes blend, a nearest-reference-comments blend, the blend chosen by nested CV, and a decoding that
# gives a further theme only if p >= t2 and p >= r * p(top), (t2, r) chosen by nested CV.
# STACK=1 also measures stacking across themes (step 6): a second stage per theme, a small logistic
# regression over all themes' first-stage logits, sentiment, length, sentences and language, trained on
# out-of-fold first-stage outputs from INNER folds (INNER, default 5) inside each outer training fold;
# candidates (training set: all comments weighted as in stage 1, reference ×6, reference only; L2 towards
# "stage 1 alone"; weight of a "yes") printed fixed and chosen by nested CV on the reference comments.
# CLAUSE=1 adds per-clause main-topic features (max clause probability, share of clauses where the theme
# is top, top of the first clause, the first clause's probability); CLAUSE=2 also the likeliest complaint
# clause's; CLAUSE=3 instead also the first clause's whole profile and where the theme peaks; PAIRS=1 adds
# products of the theme's logit with each other theme's. About 2.5–3.5 minutes with REPEATS=5.
# The default scores are the product's: first stage, then the second stage (`ThemeStacker`) trained
# inside each outer fold on its training part, as scripts/generate-stage2-weights.sh trains the stored
# one on all of them; STAGE2=0 scores the first stage alone (what STACK=1 compares against).
# Usage: bash scripts/cv-text-swiftc.sh [REPO_DIR]
repo="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
source "$(dirname "$0")/lib/swiftc-classifier.sh"
cat > "$work/main.swift" <<'SWIFT'
import Foundation
// 5-fold cross-validation on the TRAIN part only; the test items are dropped as they are read.
@main struct Main {
    static func main() {
        var items: [EvaluationItem] = []
        for language in ["en", "fi", "sv"] {
            let text = try! String(contentsOfFile: CommandLine.arguments[1] + "/Evaluation/open-text-\(language).jsonl", encoding: .utf8)
            items += try! EvaluationItem.parse(jsonLines: text).filter { $0.split == .train }
        }
        let themes = Theme.allCases.map(\.rawValue)
        func isReference(_ item: EvaluationItem) -> Bool {
            let number = Int(item.id.split(separator: "-").last ?? "") ?? 9999
            return number <= (item.language == .fi ? 270 : 130)
        }
        var settings = LearnedModel.Settings()
        let env = ProcessInfo.processInfo.environment
        if let v = env["LR"].flatMap(Float.init) { settings.learningRate = v }
        if let v = env["REG"].flatMap(Float.init) { settings.regularisation = v }
        if let v = env["PW"].flatMap(Float.init) { settings.positiveWeight = v }
        if let v = env["EPOCHS"].flatMap(Int.init) { settings.epochs = v }
        if let v = env["PASSES"].flatMap(Int.init) { settings.examplePasses = v }
        if let v = env["MINDOC"].flatMap(Int.init) { settings.minimumDocuments = v }
        if let v = env["NBMIX"].flatMap(Float.init) { settings.naiveBayesMix = v }
        if let v = env["NBALPHA"].flatMap(Float.init) { settings.naiveBayesSmoothing = v }
        if let v = env["BALANCE"].flatMap(Float.init) { settings.themeBalance = v }
        let folds = 5
        let referenceCopies = env["REFDUP"].flatMap(Int.init)
        let repeats = Int(env["REPEATS"] ?? "3") ?? 3
        let stageTwo = env["STAGE2"] != "0"
        // Folds by a hash of the id, so that adding comments leaves the reference comments' folds as they were.
        func foldOf(_ id: String, _ round: Int) -> Int {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325 &+ UInt64(round)
            for b in id.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            return Int((h ^ (h >> 29)) % UInt64(folds))
        }
        var roundsThemes: [[[Float]]] = [], roundsSentiment: [[[Float]]] = []
        let clock = ContinuousClock()
        let time = clock.measure {
          for round in 0..<repeats {
            var themeScores = [[Float]](repeating: [], count: items.count)
            var sentimentScores = [[Float]](repeating: [], count: items.count)
            let fold = items.map { foldOf($0.id, round) }
            for f in 0..<folds {
                // REFDUP=n: the reference labeller's comments count n times (instead of the set's `weight`).
                let learn = items.indices.filter { fold[$0] != f }.map { index in
                    var example = items[index].labelled
                    if let copies = referenceCopies, isReference(items[index]) { example.weight = copies }
                    return example
                }
                let classifier = FeedbackClassifier.train(on: learn, themes: themes, base: [], settings: settings)
                // The product's second stage (`ThemeStacker`), trained as the product trains it but on this
                // fold's training part only (its own 5 inner folds); STAGE2=0 measures the first stage alone.
                let stacker = stageTwo ? ThemeStacker.train(on: learn, knowledge: "", firstStage: settings) : nil
                for index in items.indices where fold[index] == f {
                    let s = stageTwo ? classifier.scores(items[index].text, language: items[index].language, stacker: stacker)!
                        : classifier.rawScores(items[index].text, language: items[index].language)!
                    themeScores[index] = s.themes
                    sentimentScores[index] = s.sentiment
                }
            }
            roundsThemes.append(themeScores); roundsSentiment.append(sentimentScores)
          }
        }
        var themeScores = roundsThemes[0], sentimentScores = roundsSentiment[0]
        if let path = env["DUMP"] {
            // Out-of-fold theme scores of the first round, one line per train comment: for auditing train labels.
            let lines = items.indices.map { index in
                ([items[index].id] + themeScores[index].map { String(format: "%.3f", $0) }).joined(separator: "\t")
            }
            try! (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        print("items \(items.count), reference \(items.filter(isReference).count), time \(time)")
        func macro(_ subset: [Int], threshold: Float, floor: Float, second: Float = 0) -> (Double, [Double]) {
            var total = 0.0, per = [Double](repeating: 0, count: themes.count)
            for r in roundsThemes.indices {
                themeScores = roundsThemes[r]
                let m = macroOne(subset, threshold: threshold, floor: floor, second: second)
                total += m.0 / Double(roundsThemes.count)
                for k in per.indices { per[k] += m.1[k] / Double(roundsThemes.count) }
            }
            return (total, per)
        }
        func macroOne(_ subset: [Int], threshold: Float, floor: Float, second: Float = 0) -> (Double, [Double]) {
            var tp = [Double](repeating: 0, count: themes.count), fp = tp, fn = tp
            for index in subset {
                let scores = themeScores[index]
                let ranked = scores.indices.filter { scores[$0] >= threshold }.sorted { scores[$0] > scores[$1] }
                var given = Set(ranked.enumerated().filter { $0.offset == 0 || scores[$0.element] >= second }.map(\.element).prefix(3))
                if given.isEmpty, let top = scores.indices.max(by: { scores[$0] < scores[$1] }), scores[top] >= floor { given.insert(top) }
                for (k, code) in themes.enumerated() {
                    let truth = items[index].themes.contains(code)
                    if truth && given.contains(k) { tp[k] += 1 } else if given.contains(k) { fp[k] += 1 } else if truth { fn[k] += 1 }
                }
            }
            let f1 = themes.indices.map { k in tp[k] == 0 ? 0 : 2 * tp[k] / (2 * tp[k] + fp[k] + fn[k]) }
            return (f1.reduce(0, +) / Double(f1.count), f1)
        }
        let reference = items.indices.filter { isReference(items[$0]) }
        let all = Array(items.indices)
        let floors: [Float] = [1.1, 0.3, 0.2, 0.15, 0.1, 0.05]
        for threshold: Float in [0.35, 0.4, 0.45, 0.5, 0.55, 0.6] {
            var line = String(format: "thr %.2f", threshold)
            for floor in floors {
                line += String(format: "  fl%.2f ref %.3f all %.3f", floor, macro(reference, threshold: threshold, floor: floor).0, macro(all, threshold: threshold, floor: floor).0)
            }
            print(line)
        }
        for threshold: Float in [0.3, 0.4, 0.5] { for floor: Float in [1.1, 0.2] {
            var line = String(format: "first %.2f floor %.2f second:", threshold, floor)
            for second: Float in [0.5, 0.6, 0.7, 0.8, 0.9] {
                line += String(format: " %.1f ref %.3f all %.3f |", second, macro(reference, threshold: threshold, floor: floor, second: second).0, macro(all, threshold: threshold, floor: floor, second: second).0)
            }
            print(line)
        } }
        // One threshold per theme, each where that theme's out-of-fold F1 over `subset` is best.
        func chooseThresholds(_ subset: [Int], grid: [Float]) -> [Float] {
            themes.indices.map { k in
                var best: (threshold: Float, f1: Double) = (0.5, -1)
                for t in grid {
                    var tp = 0.0, fp = 0.0, fn = 0.0
                    for r in roundsThemes.indices {
                        for i in subset {
                            let yes = roundsThemes[r][i][k] >= t, truth = items[i].themes.contains(themes[k])
                            if yes && truth { tp += 1 } else if yes { fp += 1 } else if truth { fn += 1 }
                        }
                    }
                    let f1 = 2 * tp / max(1, 2 * tp + fp + fn)
                    if f1 > best.f1 { best = (t, f1) }
                }
                return best.threshold
            }
        }
        // Macro-F1 over `subset` when item i's themes are those reaching `thresholds(i)` (floor 0.3), averaged over the rounds.
        func macroWithThresholds(_ subset: [Int], _ thresholds: (Int) -> [Float]) -> Double {
            var total = 0.0
            for r in roundsThemes.indices {
                var tp = [Double](repeating: 0, count: themes.count), fp = tp, fn = tp
                for i in subset {
                    let s = roundsThemes[r][i], chosen = thresholds(i)
                    var given = Set(themes.indices.filter { s[$0] >= chosen[$0] }.sorted { s[$0] > s[$1] }.prefix(3))
                    if given.isEmpty, let top = s.indices.max(by: { s[$0] < s[$1] }), s[top] >= 0.3 { given.insert(top) }
                    for k in themes.indices {
                        let truth = items[i].themes.contains(themes[k])
                        if truth && given.contains(k) { tp[k] += 1 } else if given.contains(k) { fp[k] += 1 } else if truth { fn[k] += 1 }
                    }
                }
                total += themes.indices.map { k in tp[k] == 0 ? 0 : 2 * tp[k] / (2 * tp[k] + fp[k] + fn[k]) }.reduce(0, +)
                    / Double(themes.count) / Double(roundsThemes.count)
            }
            return total
        }
        do {
            // Chosen on the other (non-reference) comments, scored on the reference comments.
            let chosen = chooseThresholds(items.indices.filter { !isReference(items[$0]) },
                                          grid: Array(stride(from: Float(0.3), through: 0.8, by: 0.05)))
            let total = macroWithThresholds(reference) { _ in chosen }
            print("per-theme thresholds (chosen on the other comments) \(chosen), floor 0.3: ref \(String(format: "%.3f", total))")
        }
        do {
            // Chosen on the reference comments themselves, nested: on one half of them (by id hash),
            // scored on the other, both ways, pooled.
            let grid = Array(stride(from: Float(0.3), through: 0.75, by: 0.05))
            let secondHalf = Set(reference.filter { foldOf(items[$0].id, 99) % 2 == 1 })
            let halves = [reference.filter { !secondHalf.contains($0) }, reference.filter(secondHalf.contains)]
            let chosenBy = [chooseThresholds(halves[1], grid: grid), chooseThresholds(halves[0], grid: grid)]
            let total = macroWithThresholds(reference) { chosenBy[secondHalf.contains($0) ? 1 : 0] }
            print("per-theme thresholds chosen on half of the reference comments, scored on the other half: \(chosenBy[0]) / \(chosenBy[1]), floor 0.3: ref \(String(format: "%.3f", total))")
        }
        if env["NEWTHEME"] != nil {
            // The evaluation's 20-correction `parking` theme, with each fold of the train part as its held-out part.
            var score = ClassificationMetrics.ThemeScore()
            for f in 0..<folds {
                var pseudo = items
                for index in pseudo.indices where foldOf(pseudo[index].id, 0) == f { pseudo[index].split = .test }
                if let found = ClassifierEvaluation.run(on: pseudo).newTheme {
                    score.truePositives += found.truePositives
                    score.falsePositives += found.falsePositives
                    score.falseNegatives += found.falseNegatives
                }
            }
            print(String(format: "new theme parking (20 corrections), 5 folds pooled: P %.2f R %.2f F1 %.2f", score.precision, score.recall, score.f1))
        }
        let per = macro(reference, threshold: 0.5, floor: 1.1).1
        print("per theme ref @0.5: " + zip(themes, per).map { "\($0.0.prefix(12)) \(String(format: "%.2f", $0.1))" }.joined(separator: ", "))
        func accuracy(_ subset: [Int]) -> Double {
            var sum = 0.0
            for r in roundsSentiment.indices { sentimentScores = roundsSentiment[r]; sum += accuracyOne(subset) / Double(roundsSentiment.count) }
            sentimentScores = roundsSentiment[0]
            return sum
        }
        func accuracyOne(_ subset: [Int]) -> Double {
            var right = 0
            for index in subset {
                let s = sentimentScores[index]
                let best = s.indices.max { s[$0] < s[$1] }!
                if LearnedModel.sentiments[best] == items[index].sentiment { right += 1 }
            }
            return Double(right) / Double(subset.count)
        }
        print(String(format: "sentiment ref %.3f all %.3f", accuracy(reference), accuracy(all)))
        var confusion = [[Int]](repeating: [0, 0, 0, 0], count: 4)
        for index in reference {
            let s = sentimentScores[index]
            let best = s.indices.max { s[$0] < s[$1] }!
            confusion[LearnedModel.sentiments.firstIndex(of: items[index].sentiment)!][best] += 1
        }
        print("ref confusion (pos neu neg mix rows):", confusion)
        if env["ERRORS"] != nil {
            for index in reference {
                let scores = themeScores[index]
                let given = themes.indices.filter { scores[$0] >= 0.5 }.map { themes[$0] }
                if Set(given) != Set(items[index].themes) {
                    print("T| \(items[index].id) \(items[index].text.prefix(160)) | truth \(items[index].themes) | given \(given) | " + zip(themes, scores).filter { $0.1 > 0.2 }.map { "\($0.0.prefix(6)):\(String(format: "%.2f", $0.1))" }.joined(separator: " "))
                }
                let s = sentimentScores[index]
                let best = LearnedModel.sentiments[s.indices.max { s[$0] < s[$1] }!]
                if best != items[index].sentiment { print("S| \(items[index].id) \(items[index].text.prefix(160)) | truth \(items[index].sentiment) | given \(best)") }
            }
        }
        if env["KNN"] != nil {
            // A second, different learner: k nearest train comments (cosine over idf-weighted
            // stems and n-grams), blended with the regression's probabilities; and a decoding
            // that knows most comments have one theme, its two parameters chosen by nested CV.
            let reservedHashes = FeedbackFeatures.reserved
            let textOnly = env["KNNALL"] == nil
            let vectors: [[(UInt32, Float)]] = items.map { item in
                let v = FeedbackFeatures.vector(for: item.text, language: item.language)
                return zip(v.hashes, v.values).filter { !textOnly || !reservedHashes.contains($0.0) }.map { ($0.0, $0.1) }
            }
            let maxK = 60
            // neighbours[round][item] = [(train item, similarity)] best first, out of fold.
            var neighbours: [[[(Int, Float)]]] = []
            let knnClock = ContinuousClock()
            let knnTime = knnClock.measure {
            for round in 0..<repeats {
                var result = [[(Int, Float)]](repeating: [], count: items.count)
                let fold = items.map { foldOf($0.id, round) }
                for f in 0..<folds {
                    let train = items.indices.filter { fold[$0] != f }
                    var df: [UInt32: Int] = [:]
                    for i in train { for (h, _) in vectors[i] { df[h, default: 0] += 1 } }
                    let n = Float(train.count)
                    func weighted(_ v: [(UInt32, Float)]) -> [(UInt32, Float)] {
                        var out = v.compactMap { (h, x) -> (UInt32, Float)? in
                            guard let d = df[h] else { return nil }
                            return (h, x * log((n + 1) / Float(d + 1)))
                        }
                        let norm = out.reduce(Float(0)) { $0 + $1.1 * $1.1 }.squareRoot()
                        if norm > 0 { out = out.map { ($0.0, $0.1 / norm) } }
                        return out
                    }
                    var postings: [UInt32: [(Int, Float)]] = [:]
                    for i in train { for (h, w) in weighted(vectors[i]) { postings[h, default: []].append((i, w)) } }
                    var sims = [Float](repeating: 0, count: items.count)
                    for i in items.indices where fold[i] == f {
                        var touched: [Int] = []
                        for (h, w) in weighted(vectors[i]) {
                            guard let list = postings[h] else { continue }
                            for (j, wj) in list { if sims[j] == 0 { touched.append(j) }; sims[j] += w * wj }
                        }
                        let top = touched.sorted { sims[$0] > sims[$1] }.prefix(maxK).map { ($0, sims[$0]) }
                        for j in touched { sims[j] = 0 }
                        result[i] = Array(top)
                    }
                }
                neighbours.append(result)
            }
            }
            print("knn neighbour search, all rounds: \(knnTime)")
            func copies(_ j: Int) -> Float {
                if let c = referenceCopies, isReference(items[j]) { return Float(c) }
                return Float(items[j].labelled.copies)
            }
            func knnThemes(round: Int, k: Int, power: Float) -> [[Float]] {
                items.indices.map { i in
                    var s = [Float](repeating: 0, count: themes.count), total: Float = 0
                    for (j, sim) in neighbours[round][i].prefix(k) {
                        let w = pow(max(sim, 0), power) * copies(j)
                        total += w
                        for (t, code) in themes.enumerated() where items[j].themes.contains(code) { s[t] += w }
                    }
                    return total > 0 ? s.map { $0 / total } : s
                }
            }
            func macroRounds(_ rounds: [[[Float]]], _ subset: [Int], threshold: Float = 0.5, floor: Float = 0.3) -> Double {
                let saved = themeScores
                var total = 0.0
                for r in rounds.indices { themeScores = rounds[r]; total += macroOne(subset, threshold: threshold, floor: floor).0 / Double(rounds.count) }
                themeScores = saved
                return total
            }
            func blend(_ knn: [[[Float]]], _ a: Float) -> [[[Float]]] {
                roundsThemes.indices.map { r in items.indices.map { i in zip(roundsThemes[r][i], knn[r][i]).map { (1 - a) * $0 + a * $1 } } }
            }
            print(String(format: "lr alone: ref %.3f all %.3f", macroRounds(roundsThemes, reference), macroRounds(roundsThemes, all)))
            var best: (Double, Int, Float, Float) = (0, 0, 0, 0)
            for k in [5, 10, 20, 40, 60] { for power in [Float(1), 3] {
                let knn = (0..<repeats).map { knnThemes(round: $0, k: k, power: power) }
                var line = String(format: "knn k %d power %.0f: alone ref %.3f (thr .4 %.3f .3 %.3f) |", k, power,
                                  macroRounds(knn, reference), macroRounds(knn, reference, threshold: 0.4), macroRounds(knn, reference, threshold: 0.3))
                for a: Float in [0.1, 0.2, 0.3, 0.4, 0.5] {
                    let b = blend(knn, a)
                    let m = macroRounds(b, reference)
                    if m > best.0 { best = (m, k, power, a) }
                    line += String(format: " a%.1f ref %.3f all %.3f", a, m, macroRounds(b, all))
                }
                print(line)
            } }
            print("best blend: ref \(best)")
            do {
                // Another learner: multinomial naive Bayes per theme (theme against the rest) over the
                // same text features, its log-odds calibrated by one temperature T: p = sigmoid(s / T).
                func nbLogOdds(round: Int, alpha: Float) -> [[Float]] {
                    var out = [[Float]](repeating: [], count: items.count)
                    let fold = items.map { foldOf($0.id, round) }
                    for f in 0..<folds {
                        let train = items.indices.filter { fold[$0] != f }
                        var pos = [[UInt32: Float]](repeating: [:], count: themes.count), neg = pos
                        var pMass = [Float](repeating: 0, count: themes.count), nMass = pMass, pDocs = pMass, nDocs = pMass
                        var vocab: Set<UInt32> = []
                        for i in train {
                            let c = copies(i)
                            for t in themes.indices {
                                let yes = items[i].themes.contains(themes[t])
                                if yes { pDocs[t] += c } else { nDocs[t] += c }
                                for (h, x) in vectors[i] {
                                    if yes { pos[t][h, default: 0] += c * x; pMass[t] += c * x } else { neg[t][h, default: 0] += c * x; nMass[t] += c * x }
                                }
                            }
                            for (h, _) in vectors[i] { vocab.insert(h) }
                        }
                        let v = Float(vocab.count)
                        for i in items.indices where fold[i] == f {
                            out[i] = themes.indices.map { t in
                                var s = log(pDocs[t] / nDocs[t])
                                for (h, x) in vectors[i] where vocab.contains(h) {
                                    s += x * (log(((pos[t][h] ?? 0) + alpha) / (pMass[t] + alpha * v)) - log(((neg[t][h] ?? 0) + alpha) / (nMass[t] + alpha * v)))
                                }
                                return s
                            }
                        }
                    }
                    return out
                }
                let knn = (0..<repeats).map { knnThemes(round: $0, k: 10, power: 3) }
                for alpha: Float in [0.1, 0.5] {
                    let odds = (0..<repeats).map { nbLogOdds(round: $0, alpha: alpha) }
                    for temperature: Float in [0.5, 1, 2, 4] {
                        let nb = odds.map { $0.map { $0.map { 1 / (1 + exp(-$0 / temperature)) } } }
                        var line = String(format: "nb alpha %.1f T %.1f: alone ref %.3f |", alpha, temperature, macroRounds(nb, reference))
                        for (a, b) in [(Float(0), Float(0.1)), (0, 0.2), (0, 0.3), (0.2, 0.1), (0.15, 0.15), (0.2, 0.2)] {
                            let mixed = roundsThemes.indices.map { r in items.indices.map { i in
                                (0..<themes.count).map { t in (1 - a - b) * roundsThemes[r][i][t] + a * knn[r][i][t] + b * nb[r][i][t] } } }
                            line += String(format: " knn%.2f nb%.2f ref %.3f all %.3f |", a, b, macroRounds(mixed, reference), macroRounds(mixed, all))
                        }
                        print(line)
                    }
                }
            }
            do {
                // Third component: the nearest of the reference labeller's comments only (their convention).
                func knnRef(round: Int, k: Int) -> [[Float]] {
                    items.indices.map { i in
                        var s = [Float](repeating: 0, count: themes.count), total: Float = 0
                        for (j, sim) in neighbours[round][i].filter({ isReference(items[$0.0]) }).prefix(k) {
                            let w = pow(max(sim, 0), 3)
                            total += w
                            for (t, code) in themes.enumerated() where items[j].themes.contains(code) { s[t] += w }
                        }
                        return total > 0 ? s.map { $0 / total } : s
                    }
                }
                let knn = (0..<repeats).map { knnThemes(round: $0, k: 10, power: 3) }
                for kr in [3, 5] {
                    let ref = (0..<repeats).map { knnRef(round: $0, k: kr) }
                    var line = "lr + knn10 + ref-knn\(kr):"
                    for (a, b) in [(Float(0.2), Float(0.1)), (0.15, 0.15), (0.2, 0.2), (0.1, 0.2), (0, 0.2), (0, 0.3)] {
                        let mixed = roundsThemes.indices.map { r in items.indices.map { i in
                            (0..<themes.count).map { t in (1 - a - b) * roundsThemes[r][i][t] + a * knn[r][i][t] + b * ref[r][i][t] } } }
                        line += String(format: " a%.2f b%.2f ref %.3f all %.3f |", a, b, macroRounds(mixed, reference), macroRounds(mixed, all))
                    }
                    print(line)
                }
            }
            // Cardinality-aware decoding: the top theme if p >= floor; a further one only if
            // p >= t2 and p >= r * p(top). (t2, r) chosen on four fifths of the reference
            // comments (by id hash), scored on the fifth, pooled; averaged over the rounds.
            func decodeCounts(_ rounds: [[[Float]]], _ subset: [Int], floor: Float, t2: Float, r: Float) -> [[(Double, Double, Double)]] {
                rounds.map { scoresOf in
                    var c = [(Double, Double, Double)](repeating: (0, 0, 0), count: themes.count)
                    for i in subset {
                        let s = scoresOf[i]
                        let order = s.indices.sorted { s[$0] > s[$1] }
                        var given: Set<Int> = []
                        if s[order[0]] >= floor {
                            given.insert(order[0])
                            for k in order.dropFirst().prefix(2) where s[k] >= t2 && s[k] >= r * s[order[0]] { given.insert(k) }
                        }
                        for k in themes.indices {
                            let truth = items[i].themes.contains(themes[k])
                            if truth && given.contains(k) { c[k].0 += 1 } else if given.contains(k) { c[k].1 += 1 } else if truth { c[k].2 += 1 }
                        }
                    }
                    return c
                }
            }
            func macroOfCounts(_ c: [(Double, Double, Double)]) -> Double {
                c.map { $0.0 == 0 ? 0 : 2 * $0.0 / (2 * $0.0 + $0.1 + $0.2) }.reduce(0, +) / Double(themes.count)
            }
            func meanMacro(_ cs: [[(Double, Double, Double)]]) -> Double { cs.map(macroOfCounts).reduce(0, +) / Double(cs.count) }
            let grid: [(Float, Float)] = stride(from: Float(0.3), through: 0.85, by: 0.05).flatMap { t2 in [Float(0), 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9].map { (t2, $0) } }
            func nestedDecoding(_ name: String, _ rounds: [[[Float]]]) {
                let outer = reference.map { foldOf(items[$0].id, 77) }
                var pooled = [[(Double, Double, Double)]](repeating: [(Double, Double, Double)](repeating: (0, 0, 0), count: themes.count), count: rounds.count)
                var chosen: [String] = []
                for o in 0..<folds {
                    let inner = zip(reference, outer).filter { $0.1 != o }.map(\.0)
                    let held = zip(reference, outer).filter { $0.1 == o }.map(\.0)
                    var best: (Double, Float, Float) = (-1, 0.5, 0)
                    for (t2, r) in grid {
                        let m = meanMacro(decodeCounts(rounds, inner, floor: 0.3, t2: t2, r: r))
                        if m > best.0 + 1e-9 { best = (m, t2, r) }
                    }
                    chosen.append(String(format: "(%.2f,%.1f)", best.1, best.2))
                    let c = decodeCounts(rounds, held, floor: 0.3, t2: best.1, r: best.2)
                    for r in pooled.indices { for k in themes.indices {
                        pooled[r][k].0 += c[r][k].0; pooled[r][k].1 += c[r][k].1; pooled[r][k].2 += c[r][k].2 } }
                }
                var fullBest: (Double, Float, Float) = (-1, 0, 0)
                for (t2, r) in grid { let m = meanMacro(decodeCounts(rounds, reference, floor: 0.3, t2: t2, r: r)); if m > fullBest.0 + 1e-9 { fullBest = (m, t2, r) } }
                print(String(format: "%@: current decoding ref %.3f; nested (t2, r) ref %.3f chosen %@; best on all ref (optimistic) %.3f at t2 %.2f r %.1f",
                             name, meanMacro(decodeCounts(rounds, reference, floor: 0.3, t2: 0.5, r: 0)), meanMacro(pooled), chosen.joined(separator: " "), fullBest.0, fullBest.1, fullBest.2))
                let c = decodeCounts(rounds, reference, floor: 0.3, t2: 0.5, r: 0)
                var line = "  per theme P/R/F1 (current decoding, summed over rounds):"
                for k in themes.indices {
                    let tp = c.map { $0[k].0 }.reduce(0, +), fp = c.map { $0[k].1 }.reduce(0, +), fn = c.map { $0[k].2 }.reduce(0, +)
                    line += String(format: " %@ %.2f/%.2f/%.2f", String(themes[k].prefix(8)), tp / max(1, tp + fp), tp / max(1, tp + fn), 2 * tp / max(1, 2 * tp + fp + fn))
                }
                print(line)
            }
            do {
                // The blend's (k, power, weight) chosen on four fifths of the reference comments, scored on the fifth, pooled.
                let outer = reference.map { foldOf(items[$0].id, 77) }
                var candidates: [(String, [[[Float]]])] = [("lr alone", roundsThemes)]
                for k in [5, 10, 20, 40] { for power in [Float(1), 3] {
                    let knn = (0..<repeats).map { knnThemes(round: $0, k: k, power: power) }
                    for a: Float in [0.1, 0.2, 0.3, 0.4] { candidates.append((String(format: "k%d p%.0f a%.1f", k, power, a), blend(knn, a))) }
                } }
                var pooled = [[(Double, Double, Double)]](repeating: [(Double, Double, Double)](repeating: (0, 0, 0), count: themes.count), count: repeats)
                var chosen: [String] = []
                for o in 0..<folds {
                    let inner = zip(reference, outer).filter { $0.1 != o }.map(\.0)
                    let held = zip(reference, outer).filter { $0.1 == o }.map(\.0)
                    let best = candidates.max { meanMacro(decodeCounts($0.1, inner, floor: 0.3, t2: 0.5, r: 0)) < meanMacro(decodeCounts($1.1, inner, floor: 0.3, t2: 0.5, r: 0)) }!
                    chosen.append(best.0)
                    let c = decodeCounts(best.1, held, floor: 0.3, t2: 0.5, r: 0)
                    for r in pooled.indices { for k in themes.indices {
                        pooled[r][k].0 += c[r][k].0; pooled[r][k].1 += c[r][k].1; pooled[r][k].2 += c[r][k].2 } }
                }
                print(String(format: "blend chosen by nested CV on the reference comments: ref %.3f (lr alone %.3f), chosen %@", meanMacro(pooled),
                             meanMacro(decodeCounts(roundsThemes, reference, floor: 0.3, t2: 0.5, r: 0)), chosen.joined(separator: "; ")))
            }
            nestedDecoding("lr alone", roundsThemes)
            for (k, power, a) in [(5, Float(3), Float(0.2)), (10, 3, 0.2), (20, 3, 0.2), (20, 1, 0.3)] {
                let knn = (0..<repeats).map { knnThemes(round: $0, k: k, power: power) }
                nestedDecoding(String(format: "blend k %d p %.0f a %.1f", k, power, a), blend(knn, a))
            }
        }
        if env["STACK"] != nil {
            // Stacking across themes (issue 16, step 6): a second stage per theme, a small logistic
            // regression over the first stage's logits of ALL themes (plus sentiment probabilities,
            // length, sentences, language; CLAUSE=1 adds per-clause "main topic" features), trained
            // on the first stage's out-of-fold outputs from inner folds inside each outer training
            // fold, never on the outer fold's own labels. Candidates (training set, L2, weight of a
            // "yes") are scored fixed and chosen by nested CV on the reference comments.
            let withClauses = env["CLAUSE"] != nil, withPairs = env["PAIRS"] != nil
            let innerFolds = Int(env["INNER"] ?? "5") ?? 5
            func logit(_ p: Float) -> Float { let q = min(max(Double(p), 1e-4), 1 - 1e-4); return Float(log(q / (1 - q))) }
            let itemClauses = items.map { FeedbackClauses.split($0.text) }  // the product's splitting
            let tokenCounts = items.map { Float(FeedbackTokenizer.tokens(in: $0.text).count) }
            let complaintClause = env["CLAUSE"] == "2", firstClauseAll = env["CLAUSE"] == "3"
            struct FirstStage { var p: [Float]; var s: [Float]; var clause: [[Float]]; var clauseNegative: [Float] }
            func firstStage(_ c: FeedbackClassifier, _ i: Int) -> FirstStage {
                let whole = c.rawScores(items[i].text, language: items[i].language)!
                let parts = withClauses && itemClauses[i].count > 1
                    ? itemClauses[i].map { c.rawScores($0, language: items[i].language)! } : [whole]
                return FirstStage(p: whole.themes, s: whole.sentiment, clause: parts.map(\.themes), clauseNegative: parts.map { $0.sentiment[2] })
            }
            let nt = themes.count
            // Stage-2 inputs of theme t: shared block, then t's own block.
            func inputs(_ o: FirstStage, _ i: Int, _ t: Int) -> [Float] {
                let logits = o.p.map(logit)
                var z: [Float] = [1] + logits + o.s
                z += [log(1 + tokenCounts[i]), log(Float(itemClauses[i].count))]
                z += [items[i].language == .fi ? 1 : 0, items[i].language == .sv ? 1 : 0]
                let others = logits.indices.filter { $0 != t }.map { logits[$0] }.max() ?? 0
                z += [logits[t] - others, logits[t] >= others ? 1 : 0]
                if withPairs {
                    // How strong this theme is together with each other one: "care is strong" may lower "contact" only when contact is weak.
                    for k in logits.indices where k != t { z.append(max(logits[t], -4) * max(logits[k], -4) / 4) }
                }
                if withClauses {
                    let tops = o.clause.map { c in c.indices.max { c[$0] < c[$1] }! }
                    z += [logit(o.clause.map { $0[t] }.max()!), Float(tops.filter { $0 == t }.count) / Float(tops.count),
                          tops[0] == t ? 1 : 0, logit(o.clause[0][t])]
                    if firstClauseAll {
                        // The first clause's whole topic profile, and where in the comment this theme peaks.
                        z += o.clause[0].map(logit)
                        let peak = o.clause.indices.max { o.clause[$0][t] < o.clause[$1][t] }!
                        z += [o.clause.count > 1 ? Float(peak) / Float(o.clause.count - 1) : 0, logit(o.clause.map { $0[t] }.reduce(0, +) / Float(o.clause.count))]
                    }
                    if complaintClause {
                        // The clause likeliest to be the complaint: the guide's main topic is usually there.
                        let worst = o.clauseNegative.indices.max { o.clauseNegative[$0] < o.clauseNegative[$1] }!
                        z += [logit(o.clause[worst][t]) * o.clauseNegative[worst], tops[worst] == t ? o.clauseNegative[worst] : 0]
                    }
                }
                return z
            }
            let ownLogit = 1  // the theme's own logit follows the constant input
            // The product's fit (`ThemeStacker.fit`): Newton steps with L2 pulled towards "stage 1 alone".
            func fitStage2(_ x: [[Float]], _ y: [Bool], _ w: [Double], t: Int, lambda: Double) -> [Double] {
                var prior = [Double](repeating: 0, count: x[0].count); prior[ownLogit + t] = 1
                return ThemeStacker.fit(x, y, w, prior: prior, regularisation: lambda)
            }
            struct Candidate { let name: String; let refOnly: Bool; let refWeight: Double; let lambda: Double; let positive: Double }
            var candidates: [Candidate] = []
            for (refOnly, refWeight) in [(false, 0.0), (false, 6.0), (true, 0.0)] { for lambda in [1.0, 10, 100] { for positive in [1.0, 1.5, 2.5] {
                let set = refOnly ? "ref-only" : refWeight > 0 ? "all, ref×\(Int(refWeight))" : "all×w"
                candidates.append(Candidate(name: "\(set) L2 \(lambda) pos \(positive)", refOnly: refOnly, refWeight: refWeight, lambda: lambda, positive: positive))
            } } }
            // stacked[c][round][item] = stage-2 probabilities; base[round][item] = stage 1 alone.
            var stacked = [[[[Float]]]](repeating: [], count: candidates.count)
            var base: [[[Float]]] = []
            var stageTime = Duration.zero
            let stackClock = ContinuousClock()
            for round in 0..<repeats {
                let fold = items.map { foldOf($0.id, round) }
                var roundOut = [[[Float]]](repeating: [[Float]](repeating: [], count: items.count), count: candidates.count)
                var roundBase = [[Float]](repeating: [], count: items.count)
                for f in 0..<folds {
                    let train = items.indices.filter { fold[$0] != f }, test = items.indices.filter { fold[$0] == f }
                    func learnSet(_ idx: [Int]) -> [LabelledFeedback] {
                        idx.map { index in
                            var example = items[index].labelled
                            if let copies = referenceCopies, isReference(items[index]) { example.weight = copies }
                            return example
                        }
                    }
                    var outer: [Int: FirstStage] = [:], inner: [Int: FirstStage] = [:]
                    stageTime += stackClock.measure {
                        let full = FeedbackClassifier.train(on: learnSet(train), themes: themes, base: [], settings: settings)
                        for i in test { outer[i] = firstStage(full, i) }
                        let innerFold = Dictionary(uniqueKeysWithValues: train.map { ($0, foldOf(items[$0].id, 1000 + round) % innerFolds) })
                        for g in 0..<innerFolds {
                            let c = FeedbackClassifier.train(on: learnSet(train.filter { innerFold[$0] != g }), themes: themes, base: [], settings: settings)
                            for i in train where innerFold[i] == g { inner[i] = firstStage(c, i) }
                        }
                    }
                    for i in test { roundBase[i] = outer[i]!.p }
                    for (ci, cand) in candidates.enumerated() {
                        let rows = train.filter { !cand.refOnly || isReference(items[$0]) }
                        for t in 0..<nt {
                            let x = rows.map { inputs(inner[$0]!, $0, t) }
                            let y = rows.map { items[$0].themes.contains(themes[t]) }
                            let w = rows.indices.map { n -> Double in
                                let i = rows[n]
                                let copies = cand.refOnly ? 1.0 : cand.refWeight > 0 && isReference(items[i]) ? cand.refWeight : Double(referenceCopies.map { isReference(items[i]) ? $0 : 1 } ?? items[i].labelled.copies)
                                return copies * (y[n] ? cand.positive : 1)
                            }
                            let beta = fitStage2(x, y, w, t: t, lambda: cand.lambda)
                            for i in test {
                                let z = inputs(outer[i]!, i, t)
                                var s = 0.0
                                for k in z.indices { s += beta[k] * Double(z[k]) }
                                if roundOut[ci][i].isEmpty { roundOut[ci][i] = [Float](repeating: 0, count: nt) }
                                roundOut[ci][i][t] = Float(1 / (1 + exp(-s)))
                            }
                        }
                    }
                }
                base.append(roundBase)
                for ci in candidates.indices { stacked[ci].append(roundOut[ci]) }
                print("stack round \(round) done")
            }
            print("stage-1 fits (outer + \(innerFolds) inner per fold) and their scoring, all rounds: \(stageTime)")
            func counts(_ rounds: [[[Float]]], _ subset: [Int]) -> [[(Double, Double, Double)]] {
                rounds.map { scoresOf in
                    var c = [(Double, Double, Double)](repeating: (0, 0, 0), count: nt)
                    for i in subset {
                        let s = scoresOf[i]
                        let ranked = s.indices.filter { s[$0] >= 0.5 }.sorted { s[$0] > s[$1] }
                        var given = Set(ranked.prefix(3))
                        if given.isEmpty, let top = s.indices.max(by: { s[$0] < s[$1] }), s[top] >= 0.3 { given.insert(top) }
                        for k in 0..<nt {
                            let truth = items[i].themes.contains(themes[k])
                            if truth && given.contains(k) { c[k].0 += 1 } else if given.contains(k) { c[k].1 += 1 } else if truth { c[k].2 += 1 }
                        }
                    }
                    return c
                }
            }
            func macroOf(_ c: [(Double, Double, Double)]) -> Double { c.map { $0.0 == 0 ? 0 : 2 * $0.0 / (2 * $0.0 + $0.1 + $0.2) }.reduce(0, +) / Double(nt) }
            func mean(_ cs: [[(Double, Double, Double)]]) -> Double { cs.map(macroOf).reduce(0, +) / Double(cs.count) }
            func perTheme(_ rounds: [[[Float]]]) -> String {
                let c = counts(rounds, reference)
                return themes.indices.map { k in
                    let tp = c.map { $0[k].0 }.reduce(0, +), fp = c.map { $0[k].1 }.reduce(0, +), fn = c.map { $0[k].2 }.reduce(0, +)
                    return String(format: "%@ %.2f/%.2f/%.2f", String(themes[k].prefix(8)), tp / max(1, tp + fp), tp / max(1, tp + fn), 2 * tp / max(1, 2 * tp + fp + fn))
                }.joined(separator: " ")
            }
            print(String(format: "stage 1 alone: ref %.3f all %.3f | %@", mean(counts(base, reference)), mean(counts(base, all)), perTheme(base)))
            for (ci, cand) in candidates.enumerated() {
                print(String(format: "stacked %@: ref %.3f all %.3f | %@", cand.name, mean(counts(stacked[ci], reference)), mean(counts(stacked[ci], all)), perTheme(stacked[ci])))
            }
            // The candidate chosen on four fifths of the reference comments, scored on the fifth, pooled.
            let outerRef = reference.map { foldOf(items[$0].id, 77) }
            var pooled = [[(Double, Double, Double)]](repeating: [(Double, Double, Double)](repeating: (0, 0, 0), count: nt), count: repeats)
            var chosen: [String] = []
            for o in 0..<folds {
                let inSel = zip(reference, outerRef).filter { $0.1 != o }.map(\.0), held = zip(reference, outerRef).filter { $0.1 == o }.map(\.0)
                let best = candidates.indices.max { mean(counts(stacked[$0], inSel)) < mean(counts(stacked[$1], inSel)) }!
                chosen.append(candidates[best].name)
                let c = counts(stacked[best], held)
                for r in pooled.indices { for k in 0..<nt { pooled[r][k].0 += c[r][k].0; pooled[r][k].1 += c[r][k].1; pooled[r][k].2 += c[r][k].2 } }
            }
            print(String(format: "stacked, candidate chosen by nested CV on the reference comments: ref %.3f (stage 1 alone %.3f); chosen: %@",
                         mean(pooled), mean(counts(base, reference)), chosen.joined(separator: "; ")))
        }
        let noTheme = reference.filter { items[$0].themes.isEmpty }.count
        print("reference items with no theme: \(noTheme) of \(reference.count); all: \(all.filter { items[$0].themes.isEmpty }.count)")
    }
}
SWIFT
compile_classifier "$work/cv"
"$work/cv" "$repo"
