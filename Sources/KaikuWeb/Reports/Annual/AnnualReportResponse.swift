import Foundation
import KaikuCore
import Vapor

/// Sends a rendered annual report: the HTML with a Content-Security-Policy
/// that allows its one inline style by hash, or the PDF printed from the same
/// HTML through the instance's PDF queue.
enum AnnualReportResponse {
    static func make(_ document: AnnualReportDocument, format: AnnualReportFormat, request: Request) async throws -> Response {
        let html = document.render()
        switch format {
        case .html:
            let response = Response.html(html)
            response.headers.replaceOrAdd(name: "Content-Security-Policy", value: policy(for: document))
            return response
        case .pdf:
            let data: Data
            do {
                data = try await request.application.pdfQueue.pdf(html: html)
            } catch let error as PDFRenderingError {
                throw refusal(error)
            }
            var headers = HTTPHeaders()
            headers.contentType = HTTPMediaType(type: "application", subType: "pdf")
            headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"\(fileName(document.model))\"")
            return Response(status: .ok, headers: headers, body: .init(data: data))
        }
    }

    /// Nothing loads but the document's own style; no script at all.
    static func policy(for document: AnnualReportDocument) -> String {
        "default-src 'none'; style-src \(AnnualReportStyle.source(of: document.style)); img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
    }

    /// e.g. `annual-report-2026-ROOT.pdf`; unit codes are plain identifiers.
    static func fileName(_ model: AnnualReportModel) -> String {
        let code = model.unitCode.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        return "annual-report-\(model.year)-\(code).pdf"
    }

    static func refusal(_ error: PDFRenderingError) -> Abort {
        switch error {
        case .unavailable(let reason):
            return Abort(.serviceUnavailable, reason: reason)
        case .busy(let seconds):
            return Abort(.serviceUnavailable, headers: ["Retry-After": String(seconds)],
                         reason: "Several PDFs are being made on this server right now; try again in \(seconds) seconds. The HTML report is available at once.")
        case .timedOut(let seconds):
            return Abort(.serviceUnavailable, headers: ["Retry-After": "30"], reason: "Making the PDF took longer than \(seconds) seconds; try again shortly.")
        case .failed:
            return Abort(.serviceUnavailable, headers: ["Retry-After": "30"], reason: "The PDF could not be made; try again shortly. The HTML report works meanwhile.")
        }
    }
}
