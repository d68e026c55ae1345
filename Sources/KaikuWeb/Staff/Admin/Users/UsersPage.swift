import Foundation
import KaikuCore
import KaikuStore

/// The users list of an administrator: find users by words, role, unit and
/// state, open one, or add one (who gets an invitation to set a password).
struct UsersPage {
    var context: PageContext
    var model: UsersModel

    func render() -> String {
        let t = context.t
        let filters = model.filters
        let here = context.at(.staff(.adminUsers), filters.query + (filters.page > 1 ? [("page", String(filters.page))] : []))
        return StaffLayout(here, title: t("staff.users.title")).render {
            HTMLNode.h1 { t("staff.users.title") }
            HTMLNode.p { HTMLNode.a(.href("#add-title")) { t("staff.users.add.title") } }
            if let problem = model.problem {
                HTMLNode.errorSummary(title: t("staff.users.error.title"), fieldID: UserFormFields.id(problem.field), message: problem.message)
            }
            filterForm
            HTMLNode.p(.id("users-count"), .role("status")) { t("staff.users.count", ["count": String(model.total)]) }
            if model.rows.isEmpty {
                HTMLNode.p(.id("users-empty")) { t("staff.users.empty") }
            } else {
                table
                StaffPager(context: context, page: filters.page, total: model.total, pageSize: UsersModel.pageSize, link: filters.url(page:)).render()
            }
            addForm
        }
    }

    private var filterForm: HTMLNode {
        let t = context.t
        let filters = model.filters
        let roles = [("", t("staff.users.filter.allRoles"))] + User.Role.allCases.map { ($0.rawValue, t("staff.users.role.\($0.rawValue)")) }
        let units = [("", t("staff.filter.allUnits"))] + model.unitChoices
        let states = [("", t("staff.users.filter.anyState"))] + UserState.allCases.map { ($0.rawValue, t("staff.users.state.\($0.rawValue)")) }
        return .form(.method(.get), .action(.staff(.adminUsers)), .class("filters"), .ariaLabel(t("staff.users.filter.label"))) {
            StaffForm.input("q", type: "search", label: t("staff.users.filter.search"), value: filters.search, extra: [.maxlength(100)])
            // Ids of their own: the "Add user" form below has role and unit fields too.
            StaffForm.select("role", label: t("staff.users.role"), options: roles, selected: filters.role?.rawValue ?? "", id: "filter-role")
            StaffForm.select("unit", label: t("staff.users.unit"), options: units, selected: filters.unit, id: "filter-unit")
            StaffForm.select("state", label: t("staff.users.state"), options: states, selected: filters.state?.rawValue ?? "", id: "filter-state")
            HTMLNode.button(.type("submit"), .class("button")) { t("staff.filter.apply") }
        }
    }

    private var table: HTMLNode {
        let t = context.t
        return .tableBox(labelledBy: "users-caption") {
            HTMLNode.table(.class("cases"), .id("users")) {
                HTMLNode.caption(.id("users-caption")) { t("staff.users.caption") }
                HTMLNode.thead {
                    HTMLNode.tr {
                        HTMLNode.th(.scope("col")) { t("staff.users.name") }
                        HTMLNode.th(.scope("col")) { t("staff.users.email") }
                        HTMLNode.th(.scope("col")) { t("staff.users.role") }
                        HTMLNode.th(.scope("col")) { t("staff.users.unit") }
                        HTMLNode.th(.scope("col")) { t("staff.users.state") }
                    }
                }
                HTMLNode.tbody {
                    for row in model.rows {
                        HTMLNode.tr(.data("state", row.state.rawValue)) {
                            HTMLNode.th(.scope("row")) {
                                HTMLNode.a(.href(.staff(.adminUser(.value(row.id))))) { row.name ?? row.email }
                            }
                            HTMLNode.td { row.email }
                            HTMLNode.td { t("staff.users.role.\(row.role)") }
                            HTMLNode.td { row.unit }
                            HTMLNode.td { t("staff.users.state.\(row.state.rawValue)") }
                        }
                    }
                }
            }
        }
    }

    private var addForm: HTMLNode {
        let t = context.t
        let form = model.form
        let error = { (field: String) in model.problem.flatMap { $0.field == field ? $0.message : nil } }
        let roles = User.Role.allCases.map { ($0.rawValue, t("staff.users.role.\($0.rawValue)")) }
        let languages = Language.allCases.map { ($0.rawValue, context.catalogue.text("language.name", $0)) }
        return .section(.ariaLabelledBy("add-title")) {
            HTMLNode.h2(.id("add-title")) { t("staff.users.add.title") }
            HTMLNode.form(.method(.post), .action(.staff(.adminUsers)), .id("add-user"), .class("user-form"), .novalidate) {
                context.csrfField
                UserFormFields.input("email", type: "email", label: t("staff.users.email"), value: form.email ?? "", error: error("email"),
                                     extra: [.maxlength(254), .autocomplete("off"), .required])
                UserFormFields.input("name", type: "text", label: t("staff.users.add.name"), value: form.name ?? "", error: error("name"),
                                     extra: [.maxlength(200), .autocomplete("off")])
                UserFormFields.select("role", label: t("staff.users.role"), options: roles, selected: form.role ?? User.Role.handler.rawValue,
                                      error: error("role"))
                UserFormFields.select("unit", label: t("staff.users.unit"), options: model.unitChoices, selected: form.unit, error: error("unit"))
                UserFormFields.select("language", label: t("staff.users.add.language"), options: languages,
                                      selected: form.language ?? context.language.rawValue, error: error("language"))
                HTMLNode.p(.class("hint"), .id("add-hint")) { t("staff.users.add.hint") }
                HTMLNode.button(.type("submit"), .class("button"), .ariaDescribedBy("add-hint")) { t("staff.users.add.submit") }
            }
        }
    }
}
