/// Extra cues for the learned models only: how residents typically describe the situations of
/// the themes the lexicons separate worst, written from general knowledge of Finnish, Swedish
/// and English feedback (not from the evaluation set). They do not change `TextAnalyser`'s own
/// verdicts (the lexicons stay as they are for the lexicon-only path); each theme's cues become
/// one feature whose weight the models learn from the examples, so a misleading cue costs little.
///
/// The lexicons file waiting and callbacks under `process-guidance`, while the labelling guide
/// puts waiting for care under `access-quality-care` and callbacks under `information-contact`;
/// the cues follow the guide, and the models learn how far to trust each side.
///
/// Notation: a plain entry matches the start of a token; an entry with spaces matches
/// consecutive tokens, each by its start; a leading `=` matches the whole token only.
enum FeedbackCues {

    static let entries: [Theme: [String]] = [
        .electronicServices: electronicServicesEntries,
        .guidance: [
            "mihin kuulun", "kuulunko", "kirjallinen pyyntö", "kumpaa uskon", "eri ohjeet", "kotiutettiin",
            "hör till", "skrevs ut", "skriftlig begäran", "olika svar", "olika besked", "vem ska man tro",
            "belong to", "written request", "discharged", "different answers", "conflicting",
            // Finnish
            "lähete", "lähette", "lähetet", "ohjattiin", "ohjasi", "ohjattu", "ohjautu", "pompotel",
            "pompott", "pallotel", "juoksut", "juoksute", "=kukaan ei tiennyt", "kukaan ei osannut",
            "ei tiennyt minne", "ei tiedetty", "jatko-ohje", "jatko ohje", "jatkoohje", "kotiohje",
            "=ohjeet", "=ohjeita", "ohjeistus", "lasku", "laskut", "maksu", "asiakasmaksu", "päätös",
            "päätöks", "päätökse", "hakemus", "hakemuks", "lomake", "paperi", "byrokra", "käsittely",
            "kotiutu", "kotiutet", "uloskirjau", "luukulta luukulle", "paikasta toiseen", "toiseen paikkaan",
            "väärään paikkaan", "väärälle", "vuoronumer", "jonotusnumer", "ilmoittautu", "seuraava vaihe",
            "mitä seuraavaksi", "miten edetä", "järjestely", "järjestetty", "organisoi", "sekava",
            "sekavaa", "kukaan ei ottanut vastuuta", "vastuu", "siirrettiin", "siirretty",
            // Swedish
            "remiss", "hänvis", "skickades", "skickad", "bollad", "bollades", "runt mellan",
            "ingen visste", "ingen kunde säga", "fortsatta", "instruktion", "anvisning", "räkning",
            "faktura", "avgift", "beslut", "ansökan", "blankett", "papper", "byråkrati", "utskriv",
            "hemskick", "nummerlapp", "kölapp", "anmäl", "nästa steg", "rörig", "organiser",
            "ansvar", "flyttades", "överförd",
            // English
            "referral", "referred", "=refer", "sent back and forth", "back and forth", "passed around",
            "sent from", "sent to", "=no one knew", "nobody knew", "=next steps", "what to do next",
            "instruction", "guidance", "=bill", "=billed", "invoice", "=fee", "=fees", "=charge",
            "=charged", "decision", "application", "=form", "=forms", "paperwork", "bureaucra",
            "discharg", "=check in", "=checked in", "=ticket", "=number", "reception", "organis",
            "organiz", "disorganis", "disorganiz", "chaotic", "responsib", "transferred", "redirect",
        ],
        .information: [
            "kuulunut", "ei kuulunut", "ilmoittakaa", "vastaatteko", "kuittaus", "kiinni", "saada kiinni",
            "puhelinaika", "kerrottu", "kertoi", "selvisi", "tietämättä", "ajoissa",
            "hört något", "inte hört", "tydlig", "besked", "få tag", "telefontid", "kvittens",
            "heard nothing", "never heard", "hear back", "heard back", "=explained", "confirmation", "get through",
            "soitin", "soitti", "soittaa", "soitto", "soitet", "takaisinsoit", "=soitetaan takaisin",
            "ei vastattu", "ei vastannut", "ei vastaa", "kukaan ei vastannut", "puhelin", "puhelu",
            "linja", "tulokset", "tulokse", "tuloksi", "kirje", "kirjee", "viesti", "tekstiviest",
            "sähköpost", "ilmoitet", "ilmoitett", "ei ilmoitettu", "ei kerrottu", "ei kerrottu",
            "tietoa", "tiedon", "tiedot", "tiedottami", "informaatio", "tavoit", "yhteyden", "yhteystied",
            "aika muuttui", "siirtyneestä", "muutoksesta",
            "ringde", "ringa", "ringer", "återuppring", "ring tillbaka", "ringt", "ingen svarade",
            "svarade inte", "telefon", "provsvar", "svaret", "svar", "resultat", "brev", "meddel",
            "sms", "mejl", "e-post", "epost", "information", "informer", "nå", "kontakt", "kallelse",
            "=called", "=call", "=calls", "=calling", "callback", "call back", "called back",
            "no one answered", "nobody answered", "never answered", "=phone", "phoned", "telephone",
            "=results", "=result", "=letter", "letters", "=message", "messages", "=email", "emails",
            "=text", "texted", "inform", "notif", "=told", "=tell", "contact", "reach", "=line",
            "=hold", "reply", "replied", "respond", "=update", "=updated",
        ],
        .care: [
            "päässyt", "=pääse", "sijainen", "sijaise", "vaihtuu", "vaihtuvat", "kuntoutu", "fysiotera",
            "ammattitaitoi", "avustaja", "liian kauan", "hoitoon", "kotiin ilman",
            "kontroll", "grundlig", "assistans", "assistent", "skickades hem", "tittade på", "ingen läkare",
            "personal assistant", "sent home", "looked at", "no doctor", "checked properly", "therapist",
            "=jono", "jonossa", "jonot", "hoitojono", "odotin", "odotim", "odotett", "odottaa",
            "odotus", "viikko", "viikkoj", "kuukau", "kuukaud", "ei saanut aikaa", "ei saa aikaa",
            "aikaa ei", "ei aikoja", "ei ollut aikoja", "lääkäriaik", "=aika", "=aikaa", "hoito",
            "hoidon", "hoidos", "hoitaja", "lääkär", "diagnoo", "diagnos", "lääke", "lääki", "resepti",
            "kotihoi", "käynti", "käynnit", "kiire", "kiireinen", "tutki", "kuunteli oireita",
            "oire", "kipu", "kivu", "leikkau", "päivystys", "päivystyk", "tunnin", "tuntia", "tuntii",
            "sama lääkäri", "eri lääkäri", "hoitosuhde", "osaava", "ammattitai", "asiantunt",
            "kölapp", "väntade", "väntat", "vänta", "veckor", "veckan", "månad", "fick ingen tid",
            "ingen tid", "inga tider", "läkartid", "tid till läkare", "vård", "läkar", "skötar",
            "sköterska", "diagnos", "medicin", "läkemedel", "recept", "hemvård", "hemtjänst",
            "besök", "undersök", "symtom", "smärt", "=ont", "jour", "timmar", "samma läkare",
            "kunnig", "behandl",
            "=waited", "waiting", "=wait", "=weeks", "=months", "=hours", "no appointment",
            "=appointment", "appointments", "couldn't get", "could not get", "treatment", "doctor",
            "nurse", "diagnos", "medication", "medicine", "prescri", "home care", "=visit", "visits",
            "examin", "symptom", "=pain", "emergency", "same doctor", "different doctor", "competen",
            "skilled", "thorough", "=care", "surgery", "operation",
        ],
        .treatment: [
            "puhui vain", "puhuttiin", "ilman lupaa", "kysymättä", "päättää itse", "sain itse päättää",
            "tuomit", "häpe", "tyhmä", "koko aula", "kaikki kuuli", "asiakirj", "luottamuksel",
            "suostumu", "mielipite", "arabia", "somali", "venäj", "ei kysytty", "minulta ei",
            "pratade bara", "utan lov", "utan att fråga", "dömd", "dum", "alla hörde", "förtroende",
            "samtycke", "själv bestämma", "ingen frågade", "arabiska", "ryska", "handlingar",
            "talked only", "spoke only", "without permission", "without asking", "judg", "ashamed",
            "stupid", "everyone heard", "=file", "consent", "my own decision", "arabic", "russian",
            "somali", "=female", "seriously", "not taken seriously", "like a child", "=heard",
            "kohtel", "kohdel", "tyly", "töykeä", "ylimieli", "vähätel", "ei uskottu", "ei uskonut",
            "ei kuunneltu", "ei kuunnellut", "kuunneltiin", "kuunteli", "ruotsiksi", "ruotsin kiel",
            "suomeksi", "tulkki", "tulkin", "tulkkia", "syrji", "kunnioit", "yksityisyy", "tietosuoj",
            "potilastie", "valitus", "muistutus", "itsemääräämi", "oikeus", "oikeut",
            "bemöt", "otrevlig", "nonchalant", "trodde inte", "lyssnade inte", "lyssnade", "på svenska",
            "svenska", "tolk", "diskrimin", "respekt", "integritet", "journal", "klagomål", "rättighet",
            "självbestämm", "rude", "dismissive", "dismissed", "not believed", "didn't believe",
            "listened", "=listen", "in swedish", "swedish", "interpreter", "discriminat", "respect",
            "privacy", "=records", "complain", "complaint", "=rights", "patronis", "patroniz",
        ],
        .thanks: [
            "kiitos", "kiitokset", "kiittää", "kiitän", "=kiitti", "ihana", "ihanat", "mahtava",
            "loistava", "upea", "erinomai", "ystävälli", "=tack", "tackar", "tacksam", "fantastisk",
            "underbar", "utmärkt", "jättebra", "vänlig", "thank", "thanks", "grateful", "wonderful",
            "amazing", "excellent", "lovely", "brilliant", "kind", "great job", "well done",
        ],
    ]

    static let themes: [Theme] = [.electronicServices, .guidance, .information, .care, .treatment, .thanks]

    /// Tone the sentiment lexicons miss: warm everyday praise, wishes and questions (neutral
    /// suggestions rather than complaints), "no opinion" answers, and sarcastic thanks.
    static let tones: [Sentiment: [String]] = [
        .positive: [
            "enkeli", "enkelei", "kätevä", "kätevää", "näppärä", "sujuva", "sujui",
            "plussa", "arvokas", "arvokasta", "ihania", "ihanat", "mukava",
            "heti", "selkeä", "selkeän", "selkeät", "vihdoin", "vihdoinkin",
            "lämpimästi", "näin sen pitää", "kuten pitääkin", "toimi hyvin", "toimii hyvin",
            "smidig", "skönt", "äntligen", "uppskatta", "snäll", "snälla",
            "fint", "tryggt", "trygg", "bra att", "rolig", "enkelt", "lätt att",
            "angel", "angels", "finally", "quick", "quickly", "easy", "smooth",
            "convenient", "=kind", "=nice", "=good",
        ],
        .neutral: [
            "olisi hyvä", "olis hyvä", "olisi kiva", "olis kiva", "olisi mukava", "toivoisin",
            "toivoisi", "ehdotan", "ehdotus", "voisiko", "voisi", "voisko", "miten saan", "mistä saa",
            "kenelle", "keneen", "ei ole kokemusta", "ei kokemusta", "en osaa sanoa", "en käyttänyt",
            "en ole käyttänyt", "ei mielipidettä",
            "skulle vara bra", "vore bra", "vore fint", "önskar", "önskan", "förslag", "kunde man",
            "kan man", "går det", "vem ska jag", "hur man", "hur gör", "ingen åsikt", "vet inte",
           
            "suggestion", "suggest", "would be good", "would be nice", "it would help", "could you",
            "is it possible", "who do i", "how do i", "how can i", "no opinion", "don't know",
            "not sure", "=n/a",
        ],
        .negative: [
            "kiitti.", "=kiitti", "kiitos ei", "kiitos vaan", "ihmisarvo", "laiton", "laitonta",
            "ei kukaan", "kukaan ei", "ilman", "väärä", "väärään", "väärin", "jonotus",
            "usch", "tack för ingenting", "ingen", "fel",
            "thanks for nothing", "no one", "nobody", "never", "still", "wrong",
        ],
    ]

    /// One entry split into its tokens, whether a one-word entry must match whole, and the
    /// feature it counts for (a theme's code, or "tone:" and a sentiment).
    private struct Pattern { let key: String; let parts: [String]; let whole: Bool }

    /// The patterns by the first letter of their first word, so that a token is compared
    /// only with the few entries that can match it.
    private static let index: [Character: [Pattern]] = {
        var index: [Character: [Pattern]] = [:]
        func add(_ entry: String, key: String) {
            let whole = entry.hasPrefix("=")
            let body = whole ? String(entry.dropFirst()) : entry
            let parts = body.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "." }).map(String.init)
            guard let letter = parts.first?.first else { return }
            index[letter, default: []].append(Pattern(key: key, parts: parts, whole: whole && parts.count == 1))
        }
        for theme in themes {
            for entry in entries[theme] ?? [] { add(entry, key: theme.rawValue) }
        }
        for sentiment in toneSentiments {
            for entry in tones[sentiment] ?? [] { add(entry, key: "tone:" + sentiment.rawValue) }
        }
        return index
    }()

    static let toneSentiments: [Sentiment] = [.positive, .neutral, .negative]
    private static let positiveKey = "tone:" + Sentiment.positive.rawValue
    private static let negativeKey = "tone:" + Sentiment.negative.rawValue

    /// How many cues of each key (a theme's code, or "tone:" and a sentiment) the tokens hold.
    /// A negation before a cue ("ei ollut ystävällinen") drops a thanks cue and turns a
    /// positive tone negative; topics stay what they are ("ei vastattu" is still about contact).
    static func counts(in tokens: [FeedbackToken], negated: Set<Int> = []) -> [String: Int] {
        var result: [String: Int] = [:]
        let words = tokens.map(\.text)
        for (start, word) in words.enumerated() {
            guard let letter = word.first, let candidates = index[letter] else { continue }
            for pattern in candidates {
                guard pattern.whole ? word == pattern.parts[0] : word.hasPrefix(pattern.parts[0]),
                      start + pattern.parts.count <= words.count else { continue }
                var matched = true
                for offset in 1..<max(pattern.parts.count, 1) where !words[start + offset].hasPrefix(pattern.parts[offset]) {
                    matched = false
                    break
                }
                guard matched else { continue }
                var key = pattern.key
                if negated.contains(start) {
                    if key == Theme.thanks.rawValue { continue }
                    if key == positiveKey { key = negativeKey }
                }
                result[key, default: 0] += 1
            }
        }
        return result
    }
}
