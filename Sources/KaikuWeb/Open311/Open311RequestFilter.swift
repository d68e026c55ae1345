import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// GeoReport's filters for `GET /requests`: `service_request_id` (a comma
/// list, which overrides the rest), `service_code` (a comma list),
/// `start_date` and `end_date` (W3C date-times, or dates in the
/// organisation's calendar) and `status` (open, closed or both); and
/// CitySDK's `updated_after`, `updated_before` (dated as the others) and
/// `service_object_id` (unit codes, a comma list) with `service_object_type`
/// (`kaiku:unit`). Without any date the last 90 days are listed; at most
/// 1,000 requests, newest first. Feedback carries no location, so `lat`,
/// `long` and `radius` are not searched.
enum Open311RequestFilter {
    static func parse(_ request: Request, scope: Open311Scope) async throws -> PublicFeedbackFilter {
        var filter = scope.feedbackFilter(limit: Open311Requests.maxRequests)
        if let ids = list(request, "service_request_id") {
            filter.ids = ids.compactMap(UUID.init(uuidString:))
            return filter
        }
        if let codes = list(request, "service_code") {
            filter.targetIDs = try await Target.query(on: request.db).filter(\.$organisationID ~~ scope.organisationIDs)
                .filter(\.$code ~~ codes.filter { PlainIdentifier.isPlain($0, maxLength: 100) }).all().compactMap(\.id)
        }
        if let type = request.queryStrings["service_object_type"], !type.isEmpty, type != Open311Requests.serviceObjectType {
            filter.unitIDs = []
        }
        if let codes = list(request, "service_object_id").map(Set.init), filter.unitIDs == nil {
            // The scope holds its organisations' units already.
            filter.unitIDs = scope.units.filter { codes.contains($0.value.code) }.map(\.key)
        }
        let zone = scope.organisations.first?.timeZone ?? TimeZone(identifier: "Europe/Helsinki")!
        let start = try time(request, "start_date", zone: zone, endOfDay: false)
        let end = try time(request, "end_date", zone: zone, endOfDay: true)
        if let start, let end, start > end { throw Open311Error.badRequest("start_date must not be after end_date.") }
        let updatedAfter = try time(request, "updated_after", zone: zone, endOfDay: false)
        let updatedBefore = try time(request, "updated_before", zone: zone, endOfDay: true)
        if let updatedAfter, let updatedBefore, updatedAfter > updatedBefore {
            throw Open311Error.badRequest("updated_after must not be after updated_before.")
        }
        if [start, end, updatedAfter, updatedBefore].allSatisfy({ $0 == nil }) {
            filter.from = request.kaiku.clock.now.addingTimeInterval(-Double(Open311Requests.defaultDays) * 86_400)
        } else {
            filter.from = start
            filter.to = end
            filter.updatedFrom = updatedAfter
            filter.updatedTo = updatedBefore
        }
        if let statuses = list(request, "status") {
            filter.statuses = Set(try statuses.map { raw in
                guard let status = Open311History.Status(rawValue: raw.lowercased()) else {
                    throw Open311Error.badRequest("status must be open, closed or both, comma separated; not \(raw).")
                }
                return status
            })
        }
        return filter
    }

    private static func list(_ request: Request, _ name: String) -> [String]? {
        guard let raw = request.queryStrings[name] else { return nil }
        let items = raw.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return items.isEmpty ? nil : items
    }

    private static func time(_ request: Request, _ name: String, zone: TimeZone, endOfDay: Bool) throws -> Date? {
        guard let raw = request.queryStrings[name], !raw.isEmpty else { return nil }
        if let date = ISO8601.parse(raw) { return date }
        if let day = CalendarDay(accepting: raw) {
            return endOfDay ? day.adding(days: 1).start(in: zone).addingTimeInterval(-0.000_001) : day.start(in: zone)
        }
        throw Open311Error.badRequest("\(name) must be a W3C date-time such as 2026-01-31T00:00:00Z, or a date such as 2026-01-31, between \(CalendarDay.earliestAccepted) and \(CalendarDay.latestAccepted).")
    }
}
