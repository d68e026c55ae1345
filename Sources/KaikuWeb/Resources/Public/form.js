// The feedback form, a little better with a script; without one it works the same.
// - How far along: "5/11 answered" follows the choices (the questions with options).
// - Switching language keeps the answers: the language links carry the chosen options and the
//   typed text over in this tab's sessionStorage, restored once on the form in the other
//   language. Contact details are never carried: they stay only in the form they were typed in.
(function () {
  "use strict";
  var form = document.getElementById("feedback-form");
  if (!form) { return; }
  var key = "kaiku-form:" + window.location.pathname;
  var skipped = { contactName: true, contactEmail: true, contactPhone: true, lang: true, formToken: true };

  function questions() {
    return Array.prototype.filter.call(form.querySelectorAll("fieldset.question"), function (set) {
      return set.id !== "contact" && set.querySelector("input[type=radio]");
    });
  }

  var progress = document.getElementById("form-progress");
  function update() {
    if (!progress) { return; }
    var all = questions();
    var answered = all.filter(function (set) { return set.querySelector("input[type=radio]:checked"); }).length;
    progress.textContent = progress.dataset.template.replace("{answered}", String(answered)).replace("{total}", String(all.length));
    progress.hidden = false;
  }

  function save() {
    var kept = [];
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || skipped[field.name] || field.type === "hidden") { return; }
      if ((field.type === "radio" || field.type === "checkbox")) {
        if (field.checked) { kept.push([field.name, field.value]); }
      } else if (field.value) {
        kept.push([field.name, field.value]);
      }
    });
    try { window.sessionStorage.setItem(key, JSON.stringify(kept)); } catch (e) { /* private mode: nothing kept */ }
  }

  function restore() {
    var raw = null;
    try { raw = window.sessionStorage.getItem(key); window.sessionStorage.removeItem(key); } catch (e) { return; }
    if (!raw) { return; }
    var kept;
    try { kept = JSON.parse(raw); } catch (e) { return; }
    if (!Array.isArray(kept)) { return; }
    kept.forEach(function (pair) {
      if (!Array.isArray(pair) || skipped[pair[0]]) { return; }
      Array.prototype.forEach.call(form.elements, function (field) {
        if (field.name !== pair[0]) { return; }
        if (field.type === "radio" || field.type === "checkbox") {
          if (field.value === pair[1]) { field.checked = true; }
        } else if (field.type !== "hidden") {
          field.value = String(pair[1]);
        }
      });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("a[hreflang]"), function (link) {
    link.addEventListener("click", save);
  });
  restore();
  form.addEventListener("change", update);
  update();
}());
