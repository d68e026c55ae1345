import KaikuCore

/// Open answers of the kind counties receive, for demo data only.
enum SampleComments {
    static let positive: [Language: [String]] = [
        .fi: ["Ystävällinen ja ammattitaitoinen henkilökunta, kiitos!", "Pääsin nopeasti vastaanotolle ja asiani hoidettiin hyvin.",
              "Lääkäri kuunteli ja selitti asiat selkeästi.", "Hoitaja oli todella empaattinen. Kiitos!", "Sujuvaa palvelua, ei turhaa odottelua."],
        .sv: ["Vänlig och kunnig personal, tack!", "Jag fick snabbt tid och blev väl bemött.", "Läkaren lyssnade och förklarade tydligt.",
              "Smidig service på svenska, tack för det!"],
        .en: ["Friendly and professional staff, thank you!", "Quick appointment and clear instructions.", "The nurse explained everything in English, very helpful."],
    ]
    static let neutral: [Language: [String]] = [
        .fi: ["Ihan ok, mutta odotusaika oli pitkä.", "Opasteet parkkipaikalta olivat epäselvät.", "Ajanvaraus puhelimitse kesti kauan.",
              "Palvelu oli hyvää, mutta tilat olivat ahtaat."],
        .sv: ["Okej, men väntetiden var lång.", "Skyltningen var otydlig.", "Det tog länge att komma fram per telefon."],
        .en: ["OK, but the waiting time was long.", "Hard to find the entrance.", "The online booking did not work on my phone."],
    ]
    static let negative: [Language: [String]] = [
        .fi: ["Odotin yli tunnin eikä kukaan kertonut miksi.", "En saanut palvelua ruotsiksi, vaikka pyysin.", "Takaisinsoittoa ei tullut luvatusti.",
              "Sähköinen asiointi ei toiminut, jouduin soittamaan monta kertaa.", "Tuntui ettei minua kuunneltu."],
        .sv: ["Jag fick ingen service på svenska fast jag bad om det.", "Ingen ringde tillbaka som utlovat.", "Väntade över en timme utan information."],
        .en: ["No one spoke English and the forms were only in Finnish.", "Nobody called me back.", "Waited for over an hour without any information."],
    ]

    static func pick(score: Int, language: Language, using generator: inout SplitMix64) -> String {
        let pool = score >= 9 ? positive : score >= 7 ? neutral : negative
        let texts = pool[language] ?? pool[.fi]!
        return texts[Int.random(in: 0..<texts.count, using: &generator)]
    }
}
