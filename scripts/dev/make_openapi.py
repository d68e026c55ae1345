#!/usr/bin/env python3
"""Writes Sources/KaikuWeb/Resources/openapi.json, the OpenAPI document of /api/v1.

The document is kept as this script so that shared schemas are written once;
run it after changing the API and commit both. Tests fuzz the server against it."""
import json, pathlib

def ref(name): return {"$ref": f"#/components/schemas/{name}"}
def nullable(schema): return {**schema, "nullable": True}
def err(desc): return {"description": desc, "content": {"application/json": {"schema": ref("Error")}}}
def ok(desc, schema): return {"description": desc, "content": {"application/json": {"schema": schema}}}
bearer = [{"bearer": []}]
lang = {"name": "lang", "in": "query", "required": False, "description": "Language of names and texts; Finnish when left out.",
        "schema": {"type": "string", "enum": ["fi", "sv", "en"]}}
date = lambda name, d: {"name": name, "in": "query", "required": False, "description": d,
                        "schema": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "example": "2026-01-31"}}

statement = {"type": "object", "required": ["id", "mean", "n"], "properties": {
    "id": {"type": "string"}, "mean": nullable({"type": "number", "minimum": 1, "maximum": 5}),
    "n": {"type": "integer", "minimum": 0}}}
figures = {"n": {"type": "integer", "minimum": 0, "description": "Responses counted; always given."},
           "nps": nullable({"type": "integer", "minimum": -100, "maximum": 100}),
           "promoters": nullable({"type": "integer", "minimum": 0}),
           "passives": nullable({"type": "integer", "minimum": 0}),
           "detractors": nullable({"type": "integer", "minimum": 0}),
           "statements": {"type": "array", "items": ref("StatementFigure")}}
figure_required = ["n", "nps", "promoters", "passives", "detractors", "statements"]

national_row = {"id": {"type": "string", "format": "uuid"}, "answeredAt": {"type": "string", "format": "date-time"},
                "localDay": {"type": "string", "format": "date"}, "organisation": {"type": "string"}, "unit": {"type": "string"},
                "channel": {"type": "string"}, "language": {"type": "string"}, "respondent": nullable({"type": "string"}),
                "ageGroup": nullable({"type": "string"}), "serviceMode": nullable({"type": "string"}),
                "nps": nullable({"type": "integer", "minimum": 0, "maximum": 10}),
                "answers": {"type": "object", "description": "Statement id → 1–5, null for cannot say; unanswered statements left out.",
                            "additionalProperties": nullable({"type": "integer", "minimum": 1, "maximum": 5})}}
national_row_fields = ["id", "answeredAt", "localDay", "organisation", "unit", "channel", "language", "respondent", "ageGroup", "serviceMode", "nps", "answers"]


def case_action(op, summary, body=None, extra_errors=None, roles="handlers, supervisors and administrators"):
    spec = {"summary": summary + f" ({roles})", "operationId": op, "security": bearer,
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string", "format": "uuid"}}],
            "responses": {"200": ok("The case after the step.", ref("CaseSummary")), "400": err("Invalid input."),
                          "401": err("Not signed in."), "403": err("Your role cannot do this."),
                          "404": err("No such case in your units."), "409": err("The case is closed or referred, or its contact details are gone."),
                          "502": err("The message to the customer was refused by the mail server or SMS gateway."),
                          "413": err("Body over 64 KiB.")}}
    if op == "answerCase":
        spec["responses"]["202"] = ok("The mail server or SMS gateway did not take the answer yet; it is queued and retried, and the case closes once it is sent.", ref("CaseSummary"))
    if body is not None:
        spec["requestBody"] = {"required": body[1], "content": {"application/json": {"schema": body[0]}}}
    return {"post": spec}

def public_figures(op, what, missing, example):
    return {"get": {"summary": f"Public figures of an {what}: last 30 days and last 12 months (no sign-in; CORS open to any site)",
        "operationId": op, "description": "Read from the rollups, current the moment an answer is stored. Figures below the organisation's minimum n are null. "
                                           "No open text or contact details. Responses carry Access-Control-Allow-Origin: *.",
        "parameters": [{"name": "code", "in": "path", "required": True, "schema": {"type": "string"}, "example": example}, lang],
        "responses": {"200": ok("The figures.", ref("PublicFigures")), "400": err("Unknown language."), "404": err(missing)}}}
def export_paths():
    """The four exports: answers and national minimum data, each as CSV and JSON."""
    unit = {"name": "unit", "in": "query", "required": False, "description": "Unit code, its whole subtree exported; your own unit when left out.", "schema": {"type": "string"}}
    bom = {"name": "bom", "in": "query", "required": False, "description": "Start with a UTF-8 byte order mark, which Excel needs to read ä and ö; true when left out.",
           "schema": {"type": "boolean"}}
    period = [date("from", "First day, inclusive, in the organisation's time zone; a year before `to` when left out."),
              date("to", "Last day, inclusive; today when left out.")]
    csv_body = {"description": "RFC 4180 CSV with a header row and CRLF line ends, streamed. Statement columns: 1–5, `cannot_say`, or empty when not answered.",
                "content": {"text/csv": {"schema": {"type": "string"}}}}
    def json_body(row): return {"description": "A JSON array of one object per answer, streamed.", "content": {"application/json": {"schema": {"type": "array", "items": ref(row)}}}}
    errors = {"400": err("Invalid parameter."), "401": err("Not signed in.")}
    paths = {}
    for fmt in ["csv", "json"]:
        extra = [bom] if fmt == "csv" else []
        paths[f"/api/v1/exports/answers.{fmt}"] = {"get": {
            "summary": f"Answers of a unit's subtree in a period as {fmt.upper()}, open text masked, no contact details (supervisors, analysts and administrators)",
            "operationId": f"exportAnswers{fmt.upper()}", "security": bearer, "parameters": [unit] + period + extra,
            "responses": {"200": csv_body if fmt == "csv" else json_body("AnswerExportRow"), **errors,
                          "403": err("A handler, or the unit is outside your scope or organisation."), "404": err("No such unit.")}}}
        paths[f"/api/v1/exports/national.{fmt}"] = {"get": {
            "summary": f"The national minimum data of the whole organisation as {fmt.upper()}: the national core questions, no open text (analysts and administrators of the whole organisation)",
            "operationId": f"exportNational{fmt.upper()}", "security": bearer, "parameters": period + extra,
            "responses": {"200": csv_body if fmt == "csv" else json_body("NationalExportRow"), **errors,
                          "403": err("Not an analyst or administrator of the whole organisation.")}}}
    return paths

doc = {
  "openapi": "3.0.3",
  "info": {"title": "Kaiku API", "version": "1.0.0",
           "description": "Customer feedback for wellbeing services counties: submit answers, read them and their figures. "
                          "Figures computed from fewer answers than the organisation's minimum n are null."},
  "servers": [{"url": "/"}],
  "components": {
    "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "description": "Token from POST /api/v1/auth/token."}},
    "schemas": {
      "NationalExportRow": {"type": "object", "required": national_row_fields, "properties": national_row},
      "AnswerExportRow": {"type": "object", "required": national_row_fields + ["target", "themes", "sentiment", "openText"], "properties": {
          **national_row, "target": {"type": "string"}, "themes": {"type": "array", "items": {"type": "string"}},
          "sentiment": nullable({"type": "string", "enum": ["positive", "neutral", "negative"]}),
          "openText": nullable({"type": "string", "description": "As stored: identity codes, phone numbers and e-mail addresses masked."})}},
      "Error": {"type": "object", "required": ["error"], "properties": {
          "error": {"type": "string", "description": "What is wrong, for a person to act on."},
          "field": {"type": "string", "description": "The request field concerned."}}},
      "Target": {"type": "object", "required": ["code", "name", "unit"], "properties": {
          "code": {"type": "string"}, "name": {"type": "string"}, "unit": {"type": "string", "description": "Code of the org unit the target maps to."}}},
      "Question": {"type": "object", "required": ["id", "type", "text"], "properties": {
          "id": {"type": "string"}, "type": {"type": "string", "enum": ["scale0to10", "scale1to5", "text", "choice"]},
          "text": {"type": "string"},
          "options": {"type": "array", "items": {"type": "object", "required": ["value", "text"], "properties": {
              "value": {"type": "string"}, "text": {"type": "string"}}}}}},
      "Survey": {"type": "object", "required": ["target", "targetName", "survey", "version", "language", "questions"], "properties": {
          "target": {"type": "string"}, "targetName": {"type": "string"}, "survey": {"type": "string"},
          "version": {"type": "integer"}, "language": {"type": "string", "enum": ["fi", "sv", "en"]},
          "questions": {"type": "array", "items": ref("Question")}}},
      "Contact": {"type": "object", "properties": {
          "name": {"type": "string", "maxLength": 200}, "email": {"type": "string"}, "phone": {"type": "string"}}},
      "ResponseRequest": {"type": "object", "required": ["target", "channel", "language", "answers"], "properties": {
          "target": {"type": "string", "example": "hammas-keskusta"},
          "channel": {"type": "string", "enum": ["web", "kiosk", "sms", "paper", "oral", "remote", "open311"]},
          "language": {"type": "string", "enum": ["fi", "sv", "en"]},
          "answers": {"type": "object", "description": "Question id to answer: nps 0–10, statements 1–5 or null for cannot say, choices as strings.",
                      "additionalProperties": {}, "example": {"nps": 9}},
          "openText": {"type": "string", "maxLength": 4000},
          "respondent": {"type": "string", "enum": ["self", "relative"]},
          "answeredAt": {"type": "string", "format": "date-time"},
          "contact": ref("Contact"),
          "wantsAnswer": {"type": "boolean"}}},
      "Receipt": {"type": "object", "required": ["id", "receipt"], "properties": {
          "id": {"type": "string", "format": "uuid"}, "receipt": {"type": "string", "pattern": "^[A-Z2-9]{4}-[A-Z2-9]{4}$"}}},
      "StoredResponse": {"type": "object", "required": ["id", "receipt", "target", "unit", "channel", "language", "answers",
                                                        "maskedKinds", "themes", "sentiment", "answeredAt", "receivedAt", "wantsAnswer"], "properties": {
          "id": {"type": "string", "format": "uuid"}, "receipt": {"type": "string"}, "target": {"type": "string"},
          "unit": {"type": "string"}, "channel": {"type": "string"}, "language": {"type": "string"},
          "respondent": nullable({"type": "string"}), "ageGroup": nullable({"type": "string"}), "serviceMode": nullable({"type": "string"}),
          "answers": {"type": "object", "additionalProperties": nullable({"type": "integer"})},
          "openText": nullable({"type": "string", "description": "Identity codes, phone numbers and e-mail addresses masked."}),
          "maskedKinds": {"type": "array", "items": {"type": "string", "enum": ["identityCode", "phone", "email"]}},
          "themes": {"type": "array", "items": {"type": "string", "enum": ["electronic-services", "signage-premises", "process-guidance", "rights-language-treatment", "access-quality-care", "information-contact", "thanks"]}},
          "sentiment": nullable({"type": "string", "enum": ["positive", "neutral", "negative"]}),
          "answeredAt": {"type": "string", "format": "date-time"}, "receivedAt": {"type": "string", "format": "date-time"},
          "wantsAnswer": {"type": "boolean"}}},
      "Unit": {"type": "object", "required": ["code", "name", "parent"], "properties": {
          "code": {"type": "string"}, "name": {"type": "string"}, "parent": nullable({"type": "string"})}},
      "CaseSummary": {"type": "object", "required": ["id", "unit", "status", "dueAt", "receipt", "receivedAt", "late"], "properties": {
          "id": {"type": "string", "format": "uuid"}, "unit": {"type": "string"},
          "status": {"type": "string", "enum": ["open", "handling", "closed", "referred"]},
          "dueAt": {"type": "string", "format": "date-time"}, "receipt": {"type": "string"},
          "receivedAt": {"type": "string", "format": "date-time"}, "late": {"type": "boolean"}}},
      "CaseDetail": {"type": "object", "required": ["id", "unit", "originalUnit", "status", "dueAt", "receipt", "receivedAt", "late", "response", "history"], "properties": {
          "id": {"type": "string", "format": "uuid"}, "unit": {"type": "string"}, "originalUnit": {"type": "string"},
          "status": {"type": "string", "enum": ["open", "handling", "closed", "referred"]},
          "dueAt": {"type": "string", "format": "date-time"}, "receipt": {"type": "string"},
          "receivedAt": {"type": "string", "format": "date-time"}, "closedAt": {"type": "string", "format": "date-time"},
          "late": {"type": "boolean"}, "assignee": {"type": "string", "description": "E-mail of the staff member who has the case."},
          "response": ref("StoredResponse"),
          "contact": {"type": "object", "required": ["name", "email", "phone"], "properties": {
              "name": nullable({"type": "string"}), "email": nullable({"type": "string"}), "phone": nullable({"type": "string"})}},
          "history": {"type": "array", "items": {"type": "object", "required": ["at", "kind"], "properties": {
              "at": {"type": "string", "format": "date-time"}, "kind": {"type": "string"},
              "actor": {"type": "string"}, "detail": {"type": "string"}}}}}},
      "User": {"type": "object", "required": ["id", "email", "role", "unit", "locked"], "properties": {
          "id": {"type": "string", "format": "uuid"}, "email": {"type": "string"},
          "role": {"type": "string", "enum": ["administrator", "supervisor", "handler", "analyst"]},
          "unit": {"type": "string"}, "locked": {"type": "boolean"}}},
      "Organisation": {"type": "object", "required": ["code", "name", "promiseDays", "retentionDays", "minimumN", "timeZone", "benchmarking"], "properties": {
          "code": {"type": "string"}, "name": {"type": "string"}, "promiseDays": {"type": "integer"}, "retentionDays": {"type": "integer"},
          "minimumN": {"type": "integer"}, "timeZone": {"type": "string"}, "benchmarking": {"type": "boolean"}}},
      "ReplyTemplate": {"type": "object", "required": ["name", "language", "subject", "body"], "properties": {
          "id": {"type": "string", "format": "uuid"}, "name": {"type": "string"}, "language": {"type": "string", "enum": ["fi", "sv", "en"]},
          "subject": {"type": "string", "maxLength": 200}, "body": {"type": "string", "maxLength": 4000}}},
      "ReferralText": {"type": "object", "required": ["kind", "language", "text"], "properties": {
          "kind": {"type": "string", "enum": ["complaint", "incident", "ombudsman"]}, "language": {"type": "string", "enum": ["fi", "sv", "en"]},
          "text": {"type": "string", "maxLength": 4000}, "url": {"type": "string"}}},
      "StatementFigure": statement,
      "Benchmark": {"type": "object", "required": ["from", "to", "organisations"], "properties": {
          "from": {"type": "string", "format": "date"}, "to": {"type": "string", "format": "date"},
          "organisations": {"type": "array", "items": {"type": "object", "required": ["code", "name", "own"] + figure_required, "properties": {
              "code": {"type": "string"}, "name": {"type": "string"}, "own": {"type": "boolean"}, **figures}}}}},
      "PublicStatement": {"type": "object", "required": ["id", "text", "mean", "n"], "properties": {
          "id": {"type": "string"}, "text": {"type": "string", "description": "The statement in the language asked for."},
          "mean": nullable({"type": "number", "minimum": 1, "maximum": 5, "description": "One decimal; null when fewer answers than minimumN."}),
          "n": nullable({"type": "integer", "minimum": 0, "description": "Answers on the scale; null when fewer than minimumN."})}},
      "PublicPeriod": {"type": "object", "required": ["key", "from", "to", "n", "nps", "promoters", "passives", "detractors", "statements"], "properties": {
          "key": {"type": "string", "enum": ["last30days", "last12months"]},
          "from": {"type": "string", "format": "date"}, "to": {"type": "string", "format": "date", "description": "Today in the organisation's time zone."},
          "n": nullable({"type": "integer", "minimum": 0, "description": "Responses counted; null when fewer than minimumN."}),
          "nps": nullable({"type": "integer", "minimum": -100, "maximum": 100}),
          "promoters": nullable({"type": "integer", "minimum": 0, "description": "Count of answers 9–10."}),
          "passives": nullable({"type": "integer", "minimum": 0, "description": "Count of answers 7–8."}),
          "detractors": nullable({"type": "integer", "minimum": 0, "description": "Count of answers 0–6."}),
          "statements": {"type": "array", "items": ref("PublicStatement")}}},
      "PublicFigures": {"type": "object", "required": ["unit", "language", "minimumN", "periods"], "properties": {
          "unit": {"type": "object", "required": ["code", "name"], "properties": {"code": {"type": "string"}, "name": {"type": "string"}}},
          "target": {"type": "object", "required": ["code", "name"], "description": "Only when asked for by target.",
                     "properties": {"code": {"type": "string"}, "name": {"type": "string"}}},
          "language": {"type": "string", "enum": ["fi", "sv", "en"]},
          "minimumN": {"type": "integer", "minimum": 1},
          "periods": {"type": "array", "items": ref("PublicPeriod")}}},
      "GroupFigures": {"type": "object", "required": ["key"] + figure_required, "properties": {"key": {"type": "string"}, **figures}},
      "Summary": {"type": "object", "required": ["unit", "from", "to", "groupBy", "minimumN", "groups"] + figure_required, "properties": {
          "unit": {"type": "string"}, "from": {"type": "string", "format": "date"}, "to": {"type": "string", "format": "date"},
          "groupBy": nullable({"type": "string", "enum": ["unit", "channel", "language", "respondent", "ageGroup", "month", "week"]}),
          "minimumN": {"type": "integer", "minimum": 1}, **figures,
          "groups": {"type": "array", "items": ref("GroupFigures")}}},
    }},
  "paths": {
    "/healthz": {"get": {"summary": "Liveness", "operationId": "health", "responses": {
        "200": ok("The process is up.", {"type": "object", "required": ["status"], "properties": {"status": {"type": "string"}}})}}},
    "/readyz": {"get": {"summary": "Readiness: 200 only when the database answers", "operationId": "ready", "responses": {
        "200": ok("Ready.", {"type": "object", "required": ["status"], "properties": {"status": {"type": "string"}}}),
        "503": ok("The database is not answering.", {"type": "object", "required": ["status"], "properties": {"status": {"type": "string"}}})}}},
    "/api/v1/auth/token": {"post": {"summary": "Sign in and get a bearer token", "operationId": "createToken",
        "requestBody": {"required": True, "content": {"application/json": {"schema": {"type": "object", "required": ["email", "password"], "properties": {
            "email": {"type": "string"}, "password": {"type": "string"}}}}}},
        "responses": {"200": ok("A token valid for the configured lifetime.", {"type": "object", "required": ["token", "expiresAt"], "properties": {
            "token": {"type": "string"}, "expiresAt": {"type": "string", "format": "date-time"}}}),
            "400": err("The body is not {email, password}."), "401": err("Wrong e-mail address or password."),
            "403": err("The account is locked by an administrator (only the right password learns this)."),
            "429": err("Too many failed sign-ins of this account from your address, or of many accounts from it; answered at once, see Retry-After."),
            "413": err("Body over 64 KiB.")}}},
    "/api/v1/targets": {"get": {"summary": "Customer-facing feedback targets", "operationId": "listTargets", "parameters": [lang],
        "responses": {"200": ok("All active targets.", {"type": "array", "items": ref("Target")}), "400": err("Unknown language.")}}},
    "/api/v1/targets/{code}/survey": {"get": {"summary": "The survey of a target", "operationId": "targetSurvey",
        "parameters": [{"name": "code", "in": "path", "required": True, "schema": {"type": "string"}}, lang],
        "responses": {"200": ok("The questions in the language asked for.", ref("Survey")), "400": err("Unknown language."),
                      "404": err("No such target.")}}},
    "/api/v1/responses": {
      "post": {"summary": "Submit an answer", "operationId": "createResponse",
        "description": "Acknowledged only once durable. A retry with the same Idempotency-Key returns the first result and stores nothing new.",
        "parameters": [{"name": "Idempotency-Key", "in": "header", "required": False,
                        "schema": {"type": "string", "minLength": 1, "maxLength": 200, "pattern": "^[!-~]+$"}}],
        "requestBody": {"required": True, "content": {"application/json": {"schema": ref("ResponseRequest")}}},
        "responses": {"201": ok("Stored (or stored before under the same key).", ref("Receipt")),
                      "400": err("Invalid input; field names the culprit."), "413": err("Body over 64 KiB."),
                      "422": err("The Idempotency-Key was used for a different request."),
                      "429": err("Too many answers opening a case (wantsAnswer with contact details) from your address this minute (KAIKU_CASE_RATE_LIMIT); nothing was stored, see Retry-After."),
                      "503": err("The database is not answering; retry.")}},
      "get": {"summary": "Answers in your units, newest first", "operationId": "listResponses", "security": bearer,
        "parameters": [{"name": "receipt", "in": "query", "required": False, "schema": {"type": "string"}},
                       {"name": "unit", "in": "query", "required": False, "schema": {"type": "string"}},
                       {"name": "limit", "in": "query", "required": False, "schema": {"type": "integer", "minimum": 1, "maximum": 1000}}],
        "responses": {"200": ok("Matching answers.", {"type": "array", "items": ref("StoredResponse")}),
                      "400": err("Invalid parameter."), "401": err("Not signed in."), "404": err("Unit not in your scope.")}}},
    "/api/v1/responses/{id}": {"get": {"summary": "One answer", "operationId": "getResponse", "security": bearer,
        "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string", "format": "uuid"}}],
        "responses": {"200": ok("The answer, open text masked.", ref("StoredResponse")), "401": err("Not signed in."),
                      "404": err("No such answer in your units.")}}},
    "/api/v1/cases": {"get": {"summary": "Cases in your units, earliest due first", "operationId": "listCases", "security": bearer,
        "parameters": [{"name": "status", "in": "query", "required": False, "description": "open means still owed an answer (open or handling).",
                        "schema": {"type": "string", "enum": ["open", "handling", "closed", "referred"]}},
                       {"name": "receipt", "in": "query", "required": False, "schema": {"type": "string"}},
                       {"name": "limit", "in": "query", "required": False, "description": "Cases in the page; 1000 when left out.",
                        "schema": {"type": "integer", "minimum": 1, "maximum": 1000}},
                       {"name": "offset", "in": "query", "required": False, "description": "Matching cases to skip, in the same order.",
                        "schema": {"type": "integer", "minimum": 0, "maximum": 10000000}}],
        "responses": {"200": {**ok("A page of matching cases.", {"type": "array", "items": ref("CaseSummary")}),
                              "headers": {"X-Total-Count": {"description": "How many cases match, over all pages.", "schema": {"type": "integer", "minimum": 0}}}},
                      "400": err("Invalid parameter; field names it."), "401": err("Not signed in.")}}},
    "/api/v1/cases/statistics": {"get": {"summary": "Open, late and due-soon cases, median handling time and promises kept for a unit's subtree", "operationId": "caseStatistics", "security": bearer,
        "parameters": [{"name": "unit", "in": "query", "required": False, "description": "Unit code; your own unit when left out.", "schema": {"type": "string"}}],
        "responses": {"200": ok("Figures over cases received in the last year.", {"type": "object",
                          "required": ["unit", "pending", "late", "dueSoon", "finished", "medianHandlingHours", "promiseKeptPercent"], "properties": {
                          "unit": {"type": "string"}, "pending": {"type": "integer"}, "late": {"type": "integer"}, "dueSoon": {"type": "integer"},
                          "finished": {"type": "integer"}, "medianHandlingHours": nullable({"type": "number"}),
                          "promiseKeptPercent": nullable({"type": "integer", "minimum": 0, "maximum": 100})}}),
                      "401": err("Not signed in."), "404": err("No such unit in your units.")}}},
    "/api/v1/cases/{id}": {"get": {"summary": "One case with contact details and history; the view is logged", "operationId": "getCase", "security": bearer,
        "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string", "format": "uuid"}}],
        "responses": {"200": ok("The case.", ref("CaseDetail")), "401": err("Not signed in."),
                      "404": err("No such case in your units.")}}},
    "/api/v1/cases/{id}/take": case_action("takeCase", "Take the case yourself"),
    "/api/v1/cases/{id}/assign": case_action("assignCase", "Assign the case", ({"type": "object", "required": ["email"], "properties": {"email": {"type": "string"}}}, True), roles="supervisors and administrators"),
    "/api/v1/cases/{id}/notes": case_action("noteCase", "Add an internal note", ({"type": "object", "required": ["text"], "properties": {"text": {"type": "string", "minLength": 1, "maxLength": 4000}}}, True)),
    "/api/v1/cases/{id}/reroute": case_action("rerouteCase", "Move a wrongly targeted case to another unit; the original unit is kept", ({"type": "object", "required": ["unit"], "properties": {"unit": {"type": "string"}, "reason": {"type": "string", "maxLength": 4000}}}, True)),
    "/api/v1/cases/{id}/answer": case_action("answerCase", "Answer the customer by e-mail or SMS, from a template or in your own words; the case closes once the answer is sent", ({"type": "object", "properties": {
        "channel": {"type": "string", "enum": ["email", "sms"]}, "template": {"type": "string", "format": "uuid"},
        "subject": {"type": "string", "maxLength": 200}, "text": {"type": "string", "maxLength": 4000}}}, True)),
    "/api/v1/cases/{id}/close": case_action("closeCase", "Close the case", ({"type": "object", "properties": {"note": {"type": "string", "maxLength": 4000}}}, False)),
    "/api/v1/cases/{id}/refer": case_action("referCase", "Refer the customer to a formal complaint, an incident report or the ombudsman", ({"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string", "enum": ["complaint", "incident", "ombudsman"]}, "note": {"type": "string", "maxLength": 4000}}}, True)),
    "/api/v1/organisation": {
      "get": {"summary": "Your organisation's settings", "operationId": "getOrganisation", "security": bearer, "parameters": [lang],
        "responses": {"200": ok("Settings.", ref("Organisation")), "400": err("Unknown language."), "401": err("Not signed in.")}},
      "patch": {"summary": "Change the promise, retention or minimum n (administrator of the whole organisation)", "operationId": "updateOrganisation", "security": bearer,
        "parameters": [lang],
        "requestBody": {"required": True, "content": {"application/json": {"schema": {"type": "object", "properties": {
            "promiseDays": {"type": "integer", "minimum": 1, "maximum": 90}, "retentionDays": {"type": "integer", "minimum": 30, "maximum": 3650},
            "minimumN": {"type": "integer", "minimum": 1, "maximum": 100},
            "benchmarking": {"type": "boolean", "description": "Share organisation-level figures with the other organisations that opted in, and see theirs."}}}}}},
        "responses": {"200": ok("Settings after the change.", ref("Organisation")), "400": err("Invalid value."), "401": err("Not signed in."),
                      "403": err("Not an administrator of the whole organisation (its root unit)."), "413": err("Body over 64 KiB.")}}},
    "/api/v1/reply-templates": {
      "get": {"summary": "Reply templates", "operationId": "listTemplates", "security": bearer,
        "responses": {"200": ok("Templates.", {"type": "array", "items": ref("ReplyTemplate")}), "401": err("Not signed in.")}},
      "post": {"summary": "Add a reply template (administrators of the whole organisation)", "operationId": "createTemplate", "security": bearer,
        "requestBody": {"required": True, "content": {"application/json": {"schema": ref("ReplyTemplate")}}},
        "responses": {"201": ok("Created.", ref("ReplyTemplate")), "400": err("Invalid input."), "401": err("Not signed in."),
                      "403": err("Not an administrator of the whole organisation (its root unit)."), "413": err("Body over 64 KiB.")}}},
    "/api/v1/reply-templates/{id}": {"delete": {"summary": "Remove a reply template (administrators of the whole organisation)", "operationId": "deleteTemplate", "security": bearer,
        "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string", "format": "uuid"}}],
        "responses": {"204": {"description": "Removed."}, "401": err("Not signed in."), "403": err("Not an administrator of the whole organisation (its root unit)."), "404": err("No such template.")}}},
    "/api/v1/sms/delivery-reports": {"post": {
        "summary": "Delivery report from the SMS gateway (webhook; Authorization: Bearer KAIKU_SMS_WEBHOOK_TOKEN). A delivered or failed answer shows in its case's history.",
        "operationId": "smsDeliveryReport", "security": bearer,
        "requestBody": {"required": True, "content": {"application/json": {"schema": {"type": "object", "required": ["status"], "properties": {
            "reference": {"type": "string", "maxLength": 500, "description": "Kaiku's reference sent with the message."},
            "id": {"type": "string", "maxLength": 500, "description": "The gateway's own message id."},
            "status": {"type": "string", "description": "delivered; failed, undeliverable, undelivered, rejected or expired; interim states (accepted, sent, buffered, enroute, queued) are acknowledged and ignored."},
            "detail": {"type": "string", "maxLength": 500}}}}}},
        "responses": {"204": {"description": "Recorded (a repeated report changes nothing)."},
                      "202": {"description": "An interim state; nothing to record."},
                      "400": err("Invalid report."), "401": err("Missing or wrong webhook token."),
                      "404": err("No such message, or delivery reports are not configured on this server."),
                      "413": err("Body over 64 KiB.")}}},
    "/api/v1/referral-texts": {
      "get": {"summary": "The organisation's referral instructions", "operationId": "listReferralTexts", "security": bearer,
        "responses": {"200": ok("Texts.", {"type": "array", "items": ref("ReferralText")}), "401": err("Not signed in.")}},
      "put": {"summary": "Set the instructions for one kind and language (administrators of the whole organisation)", "operationId": "setReferralText", "security": bearer,
        "requestBody": {"required": True, "content": {"application/json": {"schema": ref("ReferralText")}}},
        "responses": {"200": ok("Stored.", ref("ReferralText")), "400": err("Invalid input."), "401": err("Not signed in."),
                      "403": err("Not an administrator of the whole organisation (its root unit)."),
                      "409": err("Someone set the same kind and language at the same moment; read it and send again."), "413": err("Body over 64 KiB.")}}},
    "/api/v1/units": {"get": {"summary": "Org units of your organisation", "operationId": "listUnits", "security": bearer, "parameters": [lang],
        "responses": {"200": ok("Parents before children.", {"type": "array", "items": ref("Unit")}), "400": err("Unknown language."),
                      "401": err("Not signed in.")}}},
    "/api/v1/users/{id}/unlock": {"post": {"summary": "Unlock a locked account (administrators whose subtree covers the user)", "operationId": "unlockUser", "security": bearer,
        "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string", "format": "uuid"}}],
        "responses": {"200": ok("Unlocked.", ref("User")), "401": err("Not signed in."), "403": err("Not an administrator."),
                      "404": err("No such user in your part of the organisation.")}}},
    "/api/v1/users/{id}/lock": {"post": {"summary": "Lock an account and end its tokens and sessions at once (administrators whose subtree covers the user)", "operationId": "lockUser", "security": bearer,
        "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string", "format": "uuid"}}],
        "responses": {"200": ok("Locked; the user's tokens and sessions no longer work.", ref("User")), "401": err("Not signed in."), "403": err("Not an administrator."),
                      "404": err("No such user in your part of the organisation."), "409": err("You cannot lock your own account.")}}},
    "/api/v1/users/{id}/sessions": {"delete": {"summary": "Sign a user out everywhere: every API token and staff page session ends (administrators whose subtree covers the user)", "operationId": "endUserSessions", "security": bearer,
        "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string", "format": "uuid"}}],
        "responses": {"204": {"description": "Every token and session of the user ended; the account stays open."}, "401": err("Not signed in."), "403": err("Not an administrator."),
                      "404": err("No such user in your part of the organisation.")}}},
    "/api/v1/access-log": {"get": {"summary": "Who viewed contact details, newest first (administrators; of a subtree, the entries about its cases and its users' exports)", "operationId": "accessLog", "security": bearer,
        "parameters": [date("from", "First day, inclusive."), date("to", "Last day, inclusive."),
                       {"name": "format", "in": "query", "required": False, "schema": {"type": "string", "enum": ["json", "csv"]}}],
        "responses": {"200": {"description": "The entries.", "content": {
                          "application/json": {"schema": {"type": "array", "items": {"type": "object", "required": ["at", "user", "action"], "properties": {
                              "at": {"type": "string", "format": "date-time"}, "user": {"type": "string"}, "action": {"type": "string"},
                              "caseReceipt": {"type": "string"}}}}},
                          "text/csv": {"schema": {"type": "string"}}}},
                      "400": err("Invalid parameter."), "401": err("Not signed in."), "403": err("Not an administrator.")}}},
    "/api/v1/users": {"get": {"summary": "Users in your part of the organisation (administrators)", "operationId": "listUsers", "security": bearer,
        "responses": {"200": ok("Users.", {"type": "array", "items": ref("User")}), "401": err("Not signed in."), "403": err("Not an administrator.")}},
      "post": {"summary": "Create a staff user (administrators)", "operationId": "createUser", "security": bearer,
        "requestBody": {"required": True, "content": {"application/json": {"schema": {"type": "object", "required": ["email", "password", "role", "unit"], "properties": {
            "email": {"type": "string"}, "password": {"type": "string", "minLength": 12},
            "role": {"type": "string", "enum": ["administrator", "supervisor", "handler", "analyst"]}, "unit": {"type": "string"}}}}}},
        "responses": {"201": ok("Created.", {"type": "object", "required": ["id"], "properties": {"id": {"type": "string", "format": "uuid"}}}),
                      "400": err("Invalid input."), "401": err("Not signed in."), "403": err("Not an administrator."),
                      "409": err("E-mail address in use (the same answer wherever the existing user is)."), "413": err("Body over 64 KiB.")}}},
    "/api/v1/public/units/{code}/figures": public_figures("publicUnitFigures", "unit", "No unit with that code.", "JH"),
    "/api/v1/public/targets/{code}/figures": public_figures("publicTargetFigures", "active customer-facing target (its unit's figures)", "No active target with that code.", "hammas-keskusta"),
    **export_paths(),
    "/api/v1/reports/summary": {"get": {"summary": "Figures for a unit's subtree", "operationId": "summaryReport", "security": bearer,
        "parameters": [{"name": "unit", "in": "query", "required": False, "description": "Unit code; your own unit when left out.", "schema": {"type": "string"}},
                       date("from", "First day, inclusive; a year before `to` when left out."), date("to", "Last day, inclusive; today when left out."),
                       {"name": "groupBy", "in": "query", "required": False, "schema": {"type": "string", "enum": ["unit", "channel", "language", "respondent", "ageGroup", "month", "week"]}}],
        "responses": {"200": ok("Figures for the whole and per group; suppressed figures are null.", ref("Summary")),
                      "400": err("Invalid parameter."), "401": err("Not signed in."),
                      "403": err("The unit is outside your part of the organisation."), "404": err("No such unit in your organisation.")}}},
    "/api/v1/reports/benchmark": {"get": {"summary": "Organisation-level figures of every organisation that opted in to benchmarking (yours must have)", "operationId": "benchmarkReport", "security": bearer,
        "parameters": [date("from", "First day, inclusive; a year before `to` when left out."), date("to", "Last day, inclusive; today when left out."), lang],
        "responses": {"200": ok("One entry per opted-in organisation; suppressed figures are null.", ref("Benchmark")),
                      "400": err("Invalid parameter."), "401": err("Not signed in."),
                      "403": err("Your organisation has not opted in to benchmarking.")}}},
  },
}
out = pathlib.Path(__file__).resolve().parents[2] / "Sources/KaikuWeb/Resources/openapi.json"
out.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
print(out)
