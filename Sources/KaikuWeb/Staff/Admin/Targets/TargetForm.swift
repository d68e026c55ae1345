import KaikuCore
import Vapor

/// The target editor's form as posted; kept as typed so a refused form is
/// shown again for correcting.
struct TargetForm: Content, Sendable, Equatable {
    var code: String?
    var unit: String?
    var nameFi: String?
    var nameSv: String?
    var nameEn: String?
    var keywords: String?
    /// The checkbox sends "1" when ticked and nothing otherwise.
    var active: String?

    init(code: String? = nil, unit: String? = nil, nameFi: String? = nil, nameSv: String? = nil, nameEn: String? = nil,
         keywords: String? = nil, active: String? = "1") {
        self.code = code
        self.unit = unit
        self.nameFi = nameFi
        self.nameSv = nameSv
        self.nameEn = nameEn
        self.keywords = keywords
        self.active = active
    }

    init(_ fields: TargetFields) {
        self.init(code: fields.code, unit: fields.unit, nameFi: fields.name.fi, nameSv: fields.name.sv, nameEn: fields.name.en,
                  keywords: fields.keywords, active: fields.active ? "1" : nil)
    }

    var fields: TargetFields {
        TargetFields(code: code ?? "", unit: unit ?? "", name: LocalizedText(fi: nameFi ?? "", sv: nameSv ?? "", en: nameEn ?? ""),
                     keywords: keywords ?? "", active: active == "1")
    }
}
