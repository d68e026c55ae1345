import Foundation
import KaikuCore

/// Where a customer finds the place they visited by typing part of its name.
struct LandingPage {
    struct Entry {
        var code: String
        var name: LocalizedText
    }

    var entries: [Entry]
    var query: String
    var language: Language
    var catalogue: Catalogue

    func render() -> String {
        let t = { (key: String, arguments: [String: String]) in catalogue.text(key, language, arguments) }
        let matches = TargetSearch.filter(entries, query: query, language: language)
        var switcherQuery: [(String, String)] = []
        if !query.isEmpty { switcherQuery.append(("q", query)) }
        let layout = PageLayout(language: language, title: t("landing.title", [:]), catalogue: catalogue, path: "/", query: switcherQuery)
        return layout.render {
            HTMLNode.h1 { t("landing.title", [:]) }
            HTMLNode.p(.class("lead")) { t("landing.intro", [:]) }
            HTMLNode.form(.method(.get), .action("/"), .role("search"), .class("search")) {
                HTMLNode.input(.type("hidden"), .name("lang"), .value(language.rawValue))
                HTMLNode.label(.for("q"), .class("label")) { t("landing.search.label", [:]) }
                HTMLNode.p(.id("q-hint"), .class("hint")) { t("landing.search.hint", [:]) }
                HTMLNode.div(.class("search-row")) {
                    HTMLNode.input(.type("search"), .id("q"), .name("q"), .value(query), .ariaDescribedBy("q-hint"), .autocomplete("off"))
                    HTMLNode.button(.type("submit"), .class("button")) { t("landing.search.button", [:]) }
                }
            }
            HTMLNode.h2(.id("results-heading")) {
                query.isEmpty ? t("landing.all", ["count": String(matches.count)]) : t("landing.results", ["count": String(matches.count), "query": query])
            }
            if matches.isEmpty {
                HTMLNode.p { t("landing.none", [:]) }
            } else {
                HTMLNode.ul(.class("targets"), .ariaLabelledBy("results-heading")) {
                    for entry in matches {
                        HTMLNode.li {
                            HTMLNode.a(.href("/f/\(entry.code)?lang=\(language.rawValue)")) { entry.name[language] }
                        }
                    }
                }
            }
        }
    }
}

/// Matching of what a customer types against target names in any language,
/// forgiving case and Nordic letters typed without dots.
enum TargetSearch {
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    static func filter(_ entries: [LandingPage.Entry], query: String, language: Language) -> [LandingPage.Entry] {
        let words = fold(query).split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
        let matched = words.isEmpty ? entries : entries.filter { entry in
            let haystack = fold([entry.name.fi, entry.name.sv, entry.name.en].joined(separator: " "))
            return words.allSatisfy { haystack.contains($0) }
        }
        return matched.sorted { $0.name[language].localizedStandardCompare($1.name[language]) == .orderedAscending }
    }
}
