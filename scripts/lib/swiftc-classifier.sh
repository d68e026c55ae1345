# Shared by the scripts that compile the classifier without building the package
# (eval-text-swiftc.sh, cv-text-swiftc.sh, generate-stage2-weights.sh): a release build of the
# whole package does not fit a busy machine, and these need only the text sources.
# Source it, write "$work/main.swift", then: compile_classifier "$work/NAME".
set -euo pipefail
repo="${repo:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Compiles the classifier, lexicon, second-stage and evaluation sources with "$work/main.swift" into $1.
compile_classifier() {
    (cd "$repo" && swiftc -O -parse-as-library -module-name KaikuCore \
        Sources/KaikuCore/Text/*.swift Sources/KaikuCore/Text/Learning/*.swift Sources/KaikuCore/Text/Stacking/*.swift \
        Sources/KaikuCore/Text/Evaluation/*.swift Sources/KaikuCore/Common/Language.swift \
        "$work/main.swift" -o "$1")
}
