extension SentimentLexicon {

    /// "bra", "god" and "fel" are whole-word entries: as prefixes they would match "brand",
    /// "godkänd" and "feber".
    static let swedish = Words(
        positive: [
            "=bra", "jättebra", "superbra", "=toppen", "fantastisk", "utmärkt", "underbar",
            "suverän", "trevlig", "=vänlig", "=vänligt", "=vänliga", "vänlighet", "hjälpsam",
            "tillmötesgå", "professionell", "kunnig", "kompetent", "snabb", "smidig", "enkel",
            "=lätt", "=tydlig", "=tydligt", "=tydliga", "nöjd", "=glad", "=glada", "trygg", "lugn",
            "empatisk", "omtänksam", "=varm", "=varmt", "grundlig", "noggrann", "fungera",
            "perfekt", "=bäst", "=bästa", "rekommender", "positiv", "lyckad", "proffsig",
            "effektiv", "=god", "=gott", "=goda", "ordentlig", "acceptabel", "respektfull",
            "förståend", "=lyssnade", "=lyssnat", "=hjälpte", "=hjälpt", "tacksam", "strålande",
            "kanon", "beröm", "=fint", "=fin", "=fina", "bekväm",
        ],
        negative: [
            "dålig", "=sämre", "=sämst", "otrevlig", "ovänlig", "oförskämd", "ohövlig", "arrogant",
            "nonchalant", "besvik", "hemsk", "fruktansvärd", "förfärlig", "usel", "katastrof",
            "tyvärr", "problem", "svår", "krånglig", "omständlig", "frustrer", "irriter", "=arg",
            "=argt", "=arga", "ledsen", "klag", "=fel", "felaktig", "misstag", "slarv",
            "oprofessionell", "inkompetent", "okunnig", "ignorer", "kränk", "orimlig",
            "=alldeles för", "=för länge", "=för lång", "långsam", "stress", "otydlig", "rörig",
            "smutsig", "ostädad", "=fick inte", "=fick ingen", "=fick inget", "=ingen svara",
            "=inget svar", "=ingen berätta", "=ingen informer", "=ingen förklar", "=förstod inte",
            "=förstår inte", "=inte förstår", "=inte förstod", "=ingen ring", "missnöjd",
            "oacceptabel", "tråkig", "bristfällig", "brist", "=tvingades", "=var tvungen",
            "förvirr", "nedlåtande", "respektlös", "otillräcklig", "onödig", "=jag önskar",
            "=hade önskat", "=borde ha", "mardröm", "skandal", "obegriplig", "förolämp",
            "diskrimin", "kaos", "kaoti",
        ],
        courtesy: ["=tack", "tacka"],
        neutral: [
            "=god morgon", "=god dag", "=god kväll", "=god jul", "=gott nytt", "=gott nytt år",
            // Comparatives mostly ask for better ("snabbare svar skulle behövas").
            "snabbare", "tydligare", "enklare",
        ],
        negations: ["inte", "ej", "icke", "aldrig", "ingen", "inget", "inga", "varken"],
        postposedNegations: ["inte", "ej", "icke", "aldrig"]
    )
}
