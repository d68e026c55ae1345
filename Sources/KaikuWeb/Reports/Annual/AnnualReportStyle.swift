import Crypto
import Foundation

/// The annual report's own stylesheet, inline so that the document is whole
/// in one file: Chromium prints it from a temporary file with nothing else to
/// load, and the server allows exactly this block by its hash in the
/// Content-Security-Policy. On paper: A4, the report's own footer with the
/// page number in the page margin, no table row or chart cut across pages.
enum AnnualReportStyle {
    static func css(footer: String, pageLabel: String) -> String {
        """
        :root{--ink:#1b1b1b;--muted:#4a4a4a;--line:#c8c8c8;--brand:#0b4f8a}
        *{box-sizing:border-box}
        body{margin:0;font-family:"DejaVu Sans",system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);background:#fff;line-height:1.45;font-size:1rem}
        main{max-width:52rem;margin:0 auto;padding:1rem}
        a{color:var(--brand)}
        a:focus-visible,.table-wrap:focus-visible{outline:3px solid var(--ink);outline-offset:2px}
        h1{font-size:1.9rem;line-height:1.2;margin:0.5rem 0}
        h2{font-size:1.4rem;margin:2rem 0 0.5rem;padding-top:0.5rem;border-top:3px solid var(--brand)}
        h3{font-size:1.1rem;margin:1.25rem 0 0.35rem}
        .cover{min-height:60vh;display:flex;flex-direction:column;justify-content:center;border-left:10px solid var(--brand);padding:2rem 1.5rem;margin-bottom:2rem}
        .cover .kind{font-size:1.2rem;color:var(--muted);margin:0}
        .cover .org{font-size:1.1rem;font-weight:600;margin:0.25rem 0}
        .cover .period,.cover .produced{color:var(--muted);margin:0.25rem 0}
        .hint{color:var(--muted);font-size:0.95rem}
        dl.figures{display:flex;flex-wrap:wrap;gap:0.75rem;margin:0.5rem 0 1rem;padding:0}
        dl.figures div{border:1px solid var(--line);padding:0.5rem 0.9rem;min-width:9.5rem;flex:1 1 9.5rem;break-inside:avoid}
        dl.figures dt{font-size:0.9rem;color:var(--muted)}
        dl.figures dd{margin:0;font-size:1.5rem;font-weight:700}
        dl.figures dd .before{display:block;font-size:0.85rem;font-weight:400;color:var(--muted)}
        ul.highlights{padding-left:1.25rem}
        ul.highlights li{margin:0.25rem 0}
        .table-wrap{max-width:100%;overflow-x:auto;position:relative}
        table{border-collapse:collapse;width:100%;margin:0.5rem 0 1.25rem}
        caption{text-align:left;font-weight:700;padding:0.35rem 0}
        th,td{text-align:left;vertical-align:top;padding:0.35rem 0.45rem;border-bottom:1px solid var(--line);overflow-wrap:break-word;hyphens:auto}
        thead th{border-bottom:2px solid var(--ink);vertical-align:bottom}
        thead th:not(:first-child){text-align:right}
        table.wide{min-width:34rem}
        table.figures{min-width:24rem}
        th[scope=row]{font-weight:400}
        td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        tr.whole th,tr.whole td{font-weight:700}
        .chart{display:block;width:100%;max-width:40rem;height:auto;margin:0.5rem 0}
        .chart .grid{stroke:#c8c8c8;stroke-width:1}.chart .axis{stroke:#4a4a4a;stroke-width:1.5}
        .chart .line{fill:none;stroke:#0b4f8a;stroke-width:2.5}.chart .dot{fill:#0b4f8a}
        .chart .tick{font-size:13px;fill:#4a4a4a}.chart .bar-label{font-size:15px;fill:#1b1b1b;font-weight:600}
        .bar-now{fill:#0b4f8a}.bar-before{fill:#b9cde0;stroke:#4a6d8c;stroke-width:1}
        .stacked-bar{display:block;margin:0.25rem 0;max-width:100%;height:auto}
        \(ShareColours.css)
        ul.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:0.25rem 1.25rem;margin:0.25rem 0 1rem}
        .swatch{display:inline-block;width:0.9rem;height:0.9rem;margin-right:0.35rem;vertical-align:-0.1rem}
        .suppressed{color:var(--muted)}
        blockquote{border-left:4px solid var(--line);margin:0.5rem 0;padding:0.25rem 0.9rem;white-space:pre-wrap;overflow-wrap:anywhere}
        ul.plain{list-style:none;margin:0;padding:0}
        ul.plain li{break-inside:avoid;margin-bottom:0.5rem}
        .note{border-left:6px solid var(--brand);padding:0.4rem 0.9rem;margin:0.5rem 0;break-inside:avoid}
        .note p{margin:0.2rem 0}
        .visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        .print-footer{display:none}
        @media (max-width:40rem){h1{font-size:1.5rem}main{padding:0.75rem}th,td{padding:0.3rem}}
        @page{size:A4;margin:16mm 14mm 18mm 14mm;
          @bottom-left{content:\(quoted(footer));font-size:8pt;color:#4a4a4a}
          @bottom-right{content:\(quoted(pageLabel)) " " counter(page) " / " counter(pages);font-size:8pt;color:#4a4a4a}}
        @page :first{@bottom-left{content:none}@bottom-right{content:none}}
        @media print{
          body{font-size:10pt}
          main{max-width:none;padding:0}
          .cover{min-height:0;height:240mm;break-after:page;margin:0}
          section.page{break-before:page}
          h2{break-after:avoid;margin-top:0}
          h3{break-after:avoid}
          table{break-inside:auto}
          tr,td,th,.chart,figure,dl.figures div,blockquote{break-inside:avoid}
          thead{display:table-header-group}
          .table-wrap{overflow:visible}
          .chart{max-width:100%}
          .bar-chart{max-width:125mm}
          .trend-chart{max-width:150mm}
          a{color:inherit;text-decoration:none}
        }
        """
    }

    /// A CSS string: the text cannot end the string, the rule or the style element.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "<", ">", "\n", "\r", "{", "}": out += "\\" + String(scalar.value, radix: 16) + " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// The CSP source that allows exactly `css`.
    static func source(of css: String) -> String {
        "'sha256-\(Data(SHA256.hash(data: Data(css.utf8))).base64EncodedString())'"
    }
}
