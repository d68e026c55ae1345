extension SentimentLexicon {

    /// "hyvä" is listed form by form: as a prefix it would also match "hyväksyä" and, worse,
    /// "hyvinvointialue", a word in nearly every answer about a wellbeing services county.
    static let finnish = Words(
        positive: [
            "=hyvä", "=hyvää", "=hyvän", "=hyvästä", "=hyvät", "=hyviä", "=hyvien", "=hyvällä",
            "=hyvältä", "=hyvälle", "=hyvänä", "=hyvässä", "=hyvin", "=hyvinä", "loistav",
            "erinomai", "mahtav", "upea", "ihana", "*ystävälli", "kohtelia", "asiantunt",
            "ammattitaitoi", "osaava", "nopea", "nopsa", "sujuv", "=sujui", "=sujuivat", "vaivato",
            "vaivatt", "helppo", "helpo", "selke", "tyytyväi", "miellyttäv", "mukava", "empaatti",
            "lämmin", "lämpimä", "huolelli", "perusteelli", "täsmällis", "kiitollin", "kiitettäv",
            "onnistu", "toimiv", "=toimi", "=toimii", "=toimivat", "=toiminut", "=toimineet",
            "=paras", "=parasta", "=parhaat", "=parhaan", "=parhaita", "huippu", "kehu", "suositte",
            "positiivi", "täydelli", "hieno", "=kympin", "=kymppi", "avulia", "auttavai", "=auttoi",
            "=auttoivat", "=auttanut", "=auttaneet", "rauhalli", "kärsivällis", "joustav", "kiva",
            "laaduka", "turvalli", "siisti", "hyväksyttäv", "kunnioittav", "asialli", "välittäv",
            "=kuunteli", "=kuuntelivat", "=kuunneltiin", "=kuunnellut", "=arvostan",
        ],
        negative: [
            "huono", "tyly", "töykeä", "töykei", "petty", "kamala", "kauhea", "kauhei", "hirveä",
            "hirvei", "surke", "kurja", "epäkohtel", "epäystäväl", "epäasiall", "asiaton",
            "asiattom", "ylimieli", "välinpitämät", "valitet", "valitus", "valituks", "valitta",
            "ongelm", "vaike", "hankala", "turhaut", "turha", "epäselv", "sekava", "epäonnistu",
            "virhe", "liian", "joudu", "joutu", "=ei vasta", "=eivät vasta", "=en saanut",
            "=ei saanut", "=ei saatu", "=emme saaneet", "=eivät saaneet", "laiminl", "loukka",
            "nöyryyt", "suuttu", "vihai", "ärsyt", "järkyt", "=ala arvoinen", "=ala arvoista",
            "kelvoton", "kelvottom", "hidas", "hitaa", "hitau", "kiirei", "=kiire", "=kiirettä",
            "=kiireessä", "sotku", "likai", "ikävä", "harmi", "surullis", "epäpäte", "osaamat",
            "piittaamat", "unohd", "unoht", "puuttee", "=puute", "kohtuuto", "kohtuutto", "katke",
            "kaatu", "pelotta", "stressa", "vaarall", "epäammattimai", "*epäkunnioit", "syrji",
            "rasis", "*vähätel", "tyytymätön", "tyytymättöm", "heikko", "heiko", "mahdoton",
            "mahdottom", "skandaal", "järjetön", "järjettöm", "naurettav", "=kesti kauan",
            "=kesti kauhean kauan", "=ei kerrottu", "=ei kertonut", "=eivät kertoneet",
            "=ei ilmoitettu", "=ei tiedotettu", "=ei soitettu", "=ei soittanut",
            "=eivät soittaneet", "=ei kuulu", "=en ymmärtänyt", "=ei ymmärtänyt", "=toivoisin",
            "=toivoisimme", "=olisin toivonut", "=olisi pitänyt",
        ],
        courtesy: ["kiito", "*kiitos", "*kiitok", "kiitt", "kiitä"],
        neutral: [
            "=hyvää päivää", "=hyvää huomenta", "=hyvää iltaa", "=hyvää joulua",
            "=hyvää viikonloppua", "=hyvää kesää", "=hyvää jatkoa",
            // Comparatives mostly ask for better ("toivoisin nopeampaa vastausta").
            "nopeamm", "nopeamp", "selkeämm", "selkeämp", "helpomm", "helpomp",
        ],
        negations: [
            "ei", "en", "et", "emme", "ette", "eivät", "eikä", "enkä", "etkä", "älä", "älkää",
            "ilman",
        ],
        postposedNegations: []
    )
}
