#!/usr/bin/env bash
# The open-text evaluation (`kaiku text evaluate`) without building the package: compiles only
# the classifier, lexicon and evaluation sources with a small main calling the same
# `ClassifierEvaluation.run`, for a busy machine where a release build does not fit.
# Usage: bash scripts/eval-text-swiftc.sh [REPO_DIR]   (default: this repository)
repo="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
source "$(dirname "$0")/lib/swiftc-classifier.sh"
cat > "$work/main.swift" <<'SWIFT'
import Foundation
@main struct Main {
    static func main() {
        var items: [EvaluationItem] = []
        for language in ["en", "fi", "sv"] {
            let text = try! String(contentsOfFile: CommandLine.arguments[1] + "/Evaluation/open-text-\(language).jsonl", encoding: .utf8)
            items += try! EvaluationItem.parse(jsonLines: text)
        }
        print(ClassifierEvaluation.run(on: items) { (try? JSONEncoder().encode($0).count) ?? 0 }.markdown)
    }
}
SWIFT
compile_classifier "$work/eval"
"$work/eval" "$repo"
