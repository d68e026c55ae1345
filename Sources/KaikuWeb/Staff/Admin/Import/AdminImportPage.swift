import Foundation
import KaikuCore

/// The import page of units or targets: what was applied, the preview of an
/// uploaded file with its Apply button (or its refused lines), the upload
/// form, and the tree or targets as they are.
struct AdminImportPage {
    var context: PageContext
    var model: AdminImportModel

    private var units: Bool { model.kind == .units }

    func render() -> String {
        let t = context.t
        let title = units ? t("staff.import.units.title") : t("staff.import.targets.title")
        return StaffLayout(context.at(model.kind.address), title: title).render {
            HTMLNode.h1 { title }
            HTMLNode.p(.class("lead")) { units ? t("staff.import.units.intro") : t("staff.import.targets.intro") }
            if let applied = model.applied {
                HTMLNode.p(.id("notice"), .class("notice"), .role("status")) { t("staff.import.applied", countValues(applied)) }
            }
            if let problem = model.fileError {
                HTMLNode.errorSummary(title: t("form.error.title"), fieldID: "f-file", message: fileProblem(problem))
            }
            if let preview = model.preview { previewSection(preview) }
            uploadForm()
            if units { unitTable() } else { targetTable() }
            HTMLNode.p {
                if units {
                    HTMLNode.a(.href(.staff(.adminTargetsImport))) { t("staff.import.link.targets") }
                } else {
                    HTMLNode.a(.href(.staff(.adminUnits))) { t("staff.import.link.units") }
                }
            }
        }
    }

    private func fileProblem(_ problem: AdminImportForm.UploadProblem) -> String {
        let t = context.t
        return switch problem {
        case .noFile: t("staff.import.error.noFile")
        case .tooLarge: t("staff.import.error.tooLarge")
        case .notUTF8: t("staff.import.error.notUTF8")
        }
    }

    private func countValues(_ counts: ImportCounts) -> [String: String] {
        ["added": String(counts.added), "renamed": String(counts.renamed), "moved": String(counts.moved),
         "closed": String(counts.closed), "reopened": String(counts.reopened), "unchanged": String(counts.unchanged)]
    }

    private func kindText(_ kind: ImportChangeKind) -> String {
        let t = context.t
        return switch kind {
        case .added: t("staff.import.count.added")
        case .renamed: t("staff.import.count.renamed")
        case .moved: t("staff.import.count.moved")
        case .closed: units ? t("staff.import.count.closed") : t("staff.import.count.deactivated")
        case .reopened: units ? t("staff.import.count.reopened") : t("staff.import.count.reactivated")
        }
    }

    private func previewSection(_ preview: AdminImportModel.Preview) -> HTMLNode {
        let t = context.t
        return .section(.id("preview"), .ariaLabelledBy("preview-title")) {
            HTMLNode.h2(.id("preview-title"), .tabindex(-1)) { t("staff.import.preview.title") }
            if preview.changedSincePreview {
                HTMLNode.p(.class("notice"), .role("status")) { t("staff.import.changed") }
            }
            if !preview.errors.isEmpty {
                lineErrors(preview.errors)
            } else {
                HTMLNode.dl(.id("counts"), .class("figures")) {
                    for kind in ImportChangeKind.allCases {
                        HTMLNode.div {
                            HTMLNode.dt { kindText(kind) }
                            HTMLNode.dd(.data("count", kind.rawValue)) { String(count(kind, preview.counts)) }
                        }
                    }
                    HTMLNode.div {
                        HTMLNode.dt { t("staff.import.count.unchanged") }
                        HTMLNode.dd(.data("count", "unchanged")) { String(preview.counts.unchanged) }
                    }
                }
                if preview.changes.isEmpty {
                    HTMLNode.p(.id("nothing")) { t("staff.import.nothing") }
                } else {
                    changeTable(preview.changes)
                    applyForm(preview)
                }
            }
        }
    }

    private func count(_ kind: ImportChangeKind, _ counts: ImportCounts) -> Int {
        switch kind {
        case .added: counts.added
        case .renamed: counts.renamed
        case .moved: counts.moved
        case .closed: counts.closed
        case .reopened: counts.reopened
        }
    }

    private func lineErrors(_ errors: [ImportLineError]) -> HTMLNode {
        let t = context.t
        return .div(.id("error-summary"), .class("error-summary"), .role("alert"), .ariaLabelledBy("import-errors-title"), .tabindex(-1)) {
            HTMLNode.h3(.id("import-errors-title")) { t("staff.import.errors.title", ["count": String(errors.count)]) }
            HTMLNode.tableBox(labelledBy: "import-errors-title") {
                HTMLNode.table(.id("import-errors"), .class("cases")) {
                    HTMLNode.thead {
                        HTMLNode.tr {
                            HTMLNode.th(.scope("col")) { t("staff.import.col.line") }
                            HTMLNode.th(.scope("col")) { t("staff.import.col.problem") }
                        }
                    }
                    HTMLNode.tbody {
                        for error in errors.prefix(500) {
                            HTMLNode.tr {
                                HTMLNode.th(.scope("row")) { String(error.line) }
                                HTMLNode.td(.lang("en")) { error.message }
                            }
                        }
                    }
                }
            }
        }
    }

    private func changeTable(_ changes: [AdminImportModel.ChangeRow]) -> HTMLNode {
        let t = context.t
        return .div(.class("table-wrap"), .role("region"), .ariaLabelledBy("changes-caption"), .tabindex(0)) {
            HTMLNode.table(.id("changes"), .class("cases")) {
                HTMLNode.caption(.id("changes-caption")) { t("staff.import.changes", ["count": String(changes.count)]) }
                HTMLNode.thead {
                    HTMLNode.tr {
                        HTMLNode.th(.scope("col")) { t("staff.import.col.code") }
                        HTMLNode.th(.scope("col")) { t("staff.import.col.change") }
                        HTMLNode.th(.scope("col")) { t("staff.import.col.before") }
                        HTMLNode.th(.scope("col")) { t("staff.import.col.after") }
                    }
                }
                HTMLNode.tbody {
                    for change in changes.prefix(2_000) {
                        HTMLNode.tr(.data("change", change.kind.rawValue)) {
                            HTMLNode.th(.scope("row")) { change.code }
                            HTMLNode.td { kindText(change.kind) }
                            HTMLNode.td { change.from ?? "" }
                            HTMLNode.td { change.to }
                        }
                    }
                }
            }
        }
    }

    private func applyForm(_ preview: AdminImportModel.Preview) -> HTMLNode {
        let t = context.t
        return .form(.method(.post), .action(model.kind.address), .attr("enctype", "multipart/form-data"), .id("apply-form")) {
            context.csrfField
            HTMLNode.input(.type("hidden"), .name("step"), .value("apply"))
            HTMLNode.input(.type("hidden"), .name("payload"), .value(preview.payload))
            HTMLNode.input(.type("hidden"), .name("fingerprint"), .value(preview.fingerprint))
            if preview.closeMissing { HTMLNode.input(.type("hidden"), .name("closeMissing"), .value("on")) }
            HTMLNode.p(.id("apply-hint"), .class("hint")) { t("staff.import.apply.hint") }
            HTMLNode.div(.class("import-actions")) {
                HTMLNode.button(.type("submit"), .class("button"), .ariaDescribedBy("apply-hint")) { t("staff.import.apply") }
                HTMLNode.a(.href(model.kind.address.url(language: context.language)), .class("button secondary")) { t("staff.import.cancel") }
            }
        }
    }

    private func uploadForm() -> HTMLNode {
        let t = context.t
        var file: [HTMLAttribute] = [.type("file"), .id("f-file"), .name("file"), .attr("accept", ".csv,text/csv,text/plain"), .required,
                                     .ariaDescribedBy("f-file-hint")]
        if model.fileError != nil { file.append(.ariaInvalid("true")) }
        return .form(.method(.post), .action(model.kind.address), .attr("enctype", "multipart/form-data"), .id("upload-form")) {
            HTMLNode.h2 { t("staff.import.upload.title") }
            context.csrfField
            HTMLNode.input(.type("hidden"), .name("step"), .value("preview"))
            HTMLNode.div(.class("field")) {
                HTMLNode.label(.for("f-file")) { t("staff.import.file") }
                HTMLNode.p(.id("f-file-hint"), .class("hint")) { units ? t("staff.import.units.fileHint") : t("staff.import.targets.fileHint") }
                HTMLNode.input(file)
            }
            if units {
                HTMLNode.div(.class("option")) {
                    HTMLNode.input([.type("checkbox"), .id("f-closeMissing"), .name("closeMissing"), .value("on"), .ariaDescribedBy("f-closeMissing-hint")]
                                   + (model.preview?.closeMissing == true ? [.checked] : []))
                    HTMLNode.label(.for("f-closeMissing")) { t("staff.import.closeMissing") }
                }
                HTMLNode.p(.id("f-closeMissing-hint"), .class("hint")) { t("staff.import.closeMissing.hint") }
            }
            HTMLNode.button(.type("submit"), .class("button")) { t("staff.import.preview.button") }
        }
    }

    private func unitTable() -> HTMLNode {
        let t = context.t
        return .section(.ariaLabelledBy("current-title")) {
            HTMLNode.h2(.id("current-title")) { t("staff.import.current.units", ["count": String(model.units.count)]) }
            HTMLNode.div(.class("table-wrap"), .role("region"), .ariaLabelledBy("current-title"), .tabindex(0)) {
                HTMLNode.table(.id("tree"), .class("cases")) {
                    HTMLNode.thead {
                        HTMLNode.tr {
                            HTMLNode.th(.scope("col")) { t("staff.import.col.code") }
                            HTMLNode.th(.scope("col")) { t("staff.import.col.name") }
                            HTMLNode.th(.scope("col")) { t("staff.import.col.oid") }
                            HTMLNode.th(.scope("col")) { t("staff.import.col.state") }
                        }
                    }
                    HTMLNode.tbody {
                        for unit in model.units {
                            HTMLNode.tr(.data("unit", unit.code)) {
                                HTMLNode.th(.scope("row")) { unit.code }
                                HTMLNode.td { HTMLNode.span(.class("tree-name depth-\(min(unit.depth, 6))")) { unit.name } }
                                HTMLNode.td { unit.oid ?? "" }
                                HTMLNode.td {
                                    if unit.closed {
                                        HTMLNode.strong { t("staff.import.state.closed") }
                                    } else if unit.closedAbove {
                                        HTMLNode.strong { t("staff.import.state.closedAbove") }
                                    } else {
                                        t("staff.import.state.open")
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private func targetTable() -> HTMLNode {
        let t = context.t
        return .section(.ariaLabelledBy("current-title")) {
            HTMLNode.h2(.id("current-title")) { t("staff.import.current.targets", ["count": String(model.targets.count)]) }
            HTMLNode.div(.class("table-wrap"), .role("region"), .ariaLabelledBy("current-title"), .tabindex(0)) {
                HTMLNode.table(.id("targets"), .class("cases")) {
                    HTMLNode.thead {
                        HTMLNode.tr {
                            HTMLNode.th(.scope("col")) { t("staff.import.col.code") }
                            HTMLNode.th(.scope("col")) { t("staff.import.col.name") }
                            HTMLNode.th(.scope("col")) { t("staff.import.col.unit") }
                            HTMLNode.th(.scope("col")) { t("staff.import.col.keywords") }
                            HTMLNode.th(.scope("col")) { t("staff.import.col.state") }
                        }
                    }
                    HTMLNode.tbody {
                        for target in model.targets {
                            HTMLNode.tr(.data("target", target.code)) {
                                HTMLNode.th(.scope("row")) { target.code }
                                HTMLNode.td { target.name }
                                HTMLNode.td { target.unit }
                                HTMLNode.td { target.keywords }
                                HTMLNode.td {
                                    if !target.active {
                                        HTMLNode.strong { t("staff.import.state.inactive") }
                                    } else if target.unitClosed {
                                        HTMLNode.strong { t("staff.import.state.unitClosed") }
                                    } else {
                                        t("staff.import.state.active")
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
