extension ThemeLexicon {

    /// Swedish as written in Finland: "hälsostation", "rådgivning" (child and maternity
    /// clinic), "Mina Kanta-sidor". Swedish also writes compounds as one word
    /// ("sjukhusparkeringen", "telefonkön"), so it uses `*` entries like Finnish.
    static let swedish: [Theme: [String]] = [
        .electronicServices: [
            "*elektronisk", "=e tjänst", "=e tjänsten", "=e tjänster", "etjänst", "webb",
            "*webbsid", "*hemsida", "=nätet", "nätsid", "nätbok", "*nättjänst", "internet", "=app",
            "=appen", "=appar", "=appens", "applikation", "*digital", "digi", "chat", "*bankid",
            "*inloggning", "logga in", "*distansmottag", "*videosamtal", "video", "=mina kanta",
            "=kanta tjänst", "*omaolo", "=maisa", "*tidsbokningssystem", "*tidbokningssystem",
            "*formulär", "länk", "lösenord", "=systemet", "dator", "uppkoppl",
        ],
        .premises: [
            "*parkering", "parkera", "=p plats", "=p platser", "*parkeringsplats", "skylt",
            "*skyltning", "*vägvisning", "hiss", "*väntrum", "*väntsal", "lobby", "entré",
            "*ingång", "*toalett", "=wc", "städning", "städat", "städad", "ostäd", "smuts",
            "*rullstol", "rullator", "=trappa", "=trappan", "=trappor", "=trapporna", "trappupp",
            "ramp", "dörr", "=lokalen", "=lokaler", "=lokalerna", "*byggnad", "korridor", "=stolar",
            "=stolarna", "sittplats", "kafé", "café", "kafeteria", "ventilation", "temperatur",
            "buller", "belysning", "busshållplats", "*kollektivtrafik", "=hittade inte",
            "=svårt att hitta", "trång",
        ],
        .guidance: [
            "=kö", "=kön", "=köer", "=köerna", "=köa", "köade", "köande", "*telefonkö", "vänta",
            "väntad", "väntat", "väntan", "*väntetid", "=väntar", "*remiss", "hänvis", "*tidsbok",
            "*tidbok", "=boka", "bokade", "=få en tid", "=få tid", "=fick en tid", "=fick tid", "*bokning", "ombok", "avbok", "instruktion", "anvisning",
            "ring tillbaka", "*återuppring", "*telefontid", "dröj", "försen", "=tog lång tid",
            "process", "byråkrati", "*nummerlapp", "kölapp", "turordning", "=råd", "skickades runt",
            "bollad", "*inskrivning", "anmälde mig", "=anmälan",
        ],
        .treatment: [
            "bemöt", "*bemötande", "otrevlig", "trevlig", "oförskämd", "ohövlig", "nonchalant",
            "arrogant", "=respekt", "respektl", "respektfull", "respekter", "lyssna", "svensk",
            "finsk", "engelsk", "språk", "modersmål", "tolk", "diskrimin", "rasis", "kränk",
            "förolämp", "*nedlåtande", "=behandlad", "=behandlades", "=behandlade mig", "=vänlig",
            "=vänligt", "=vänliga", "vänlighet", "ovänlig", "hänsyn", "integritet", "sekretess",
            "*rättighet", "empati", "medkänsla", "förståend", "ignorer", "mänskl", "artig",
            "oartig", "överlägsen", "tillmötesgå", "omtänksam", "hjälpsam",
        ],
        .care: [
            "vård", "*sjukvård", "*sjukskötar", "barnmorsk", "*vårdcentral", "*hälsovård",
            "*tandvård", "*hemvård", "läkar", "*läkare", "sjuksköter", "*sköterska", "skötare",
            "*behandling", "diagnos", "medicin", "*läkemedel", "=recept", "=receptet", "=recepten",
            "receptförn", "undersök", "*undersökning", "provtag", "provsvar", "=prover",
            "=proverna", "*blodprov", "röntgen", "smärt", "=ont", "*sjukhus", "=jour", "=jouren",
            "jourmottag", "akut", "*operation", "operer", "*kompeten", "yrkeskunn", "professionell",
            "expert", "*mottagning", "rehab", "fysioterap", "*terapi", "vaccin", "*rådgivning",
            "*omsorg", "=hjälp", "=hjälpen", "psykiatr", "psykisk", "*förlossning", "ambulans",
            "*hälsocentral", "*hälsostation", "kunnig", "symtom", "avdelning",
        ],
        .information: [
            "*information", "info", "informer", "uppgift", "*kontakt", "ring", "telefon", "=svar",
            "svara", "=svaret", "=svaren", "besvar", "obesvar", "=sms", "textmedd", "meddel",
            "brev", "kallelse", "=e post", "epost", "mejl", "mail", "återkom", "=nå", "nådde",
            "=nås", "=nått", "nåbar", "oklar", "förklar", "berätta", "fråg", "kundtjänst",
            "kundservice", "upplys", "=tydlig", "=tydligt", "=tydliga", "tydligare", "otydlig",
            "besked",
        ],
        .thanks: [
            "=tack", "tacka", "tacksam", "beröm", "fantastisk", "underbar", "utmärkt", "=toppen",
            "jättebra", "superbra", "suverän", "nöjd", "belåten", "=bästa", "=bäst", "strålande",
            "perfekt", "eloge", "kanon", "rekommender", "=glad", "=glada", "imponer", "=bra jobbat",
            "=guld värd",
        ],
    ]
}
