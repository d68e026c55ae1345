import Vapor

extension StaffScope {
    /// An administrator of the root unit: the only one who may change what
    /// applies to every unit (the organisation's settings, reply templates,
    /// the referral texts sent to every unit's customers).
    var isOrganisationAdministrator: Bool {
        staff.role == .administrator && tree.parent(of: staff.unitID) == nil
    }

    func requireOrganisationAdministrator(_ what: String) throws {
        guard isOrganisationAdministrator else {
            throw Abort(.forbidden, reason: "Only an administrator of the whole organisation (its root unit) changes \(what); "
                + "they apply to every unit. Ask one of them.")
        }
    }
}
