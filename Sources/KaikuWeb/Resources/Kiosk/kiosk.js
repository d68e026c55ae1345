// Kaiku kiosk: a touch screen at a unit that keeps working when the network
// or the server is down. Every answer is queued in the browser's persistent
// storage with its own idempotency key and the time it was given, and sent
// when the server answers; a retry of a sent answer is stored once.
(function () {
  "use strict";

  var KEYS = { token: "kaiku.kiosk.token", config: "kaiku.kiosk.config", surveys: "kaiku.kiosk.surveys", queue: "kaiku.kiosk.queue" };
  var LANGUAGES = ["fi", "sv", "en"];
  var IDLE_MS = 60000, THANKS_MS = 5000, FLUSH_MS = 5000, HEARTBEAT_MS = 60000;

  var root = document.getElementById("kiosk");
  var status = document.getElementById("kiosk-status");
  var texts = JSON.parse(document.getElementById("kiosk-texts").textContent);
  var language = document.documentElement.lang || "fi";
  var SVG = "http://www.w3.org/2000/svg";
  var state = { screen: "start", target: null, answers: {}, step: 0, error: "" };
  var idleTimer = null, flushing = false;

  function load(key, fallback) {
    try { var value = localStorage.getItem(key); return value ? JSON.parse(value) : fallback; } catch (e) { return fallback; }
  }
  function save(key, value) { localStorage.setItem(key, JSON.stringify(value)); }
  function t(key, args) {
    var text = (texts[language] && texts[language][key]) || texts.fi[key] || key;
    Object.keys(args || {}).forEach(function (name) { text = text.replace("{" + name + "}", args[name]); });
    return text;
  }
  // fi, sv and en all have one and other; Intl picks the form, the catalogue holds both.
  function counted(key, count) {
    var form = "other";
    try { form = new Intl.PluralRules(language).select(count); } catch (e) { form = count === 1 ? "one" : "other"; }
    var text = (texts[language] && texts[language][key + "." + form]) ? key + "." + form : key + ".other";
    return t(text, { count: String(count) });
  }
  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40; bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === "onclick") node.addEventListener("click", attributes[name]);
      else node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) { node.appendChild(typeof child === "string" ? document.createTextNode(child) : child); });
    return node;
  }

  // ---- Queue ----------------------------------------------------------------

  function queue() { return load(KEYS.queue, []); }

  function enqueue(answer) {
    var items = queue();
    items.push(answer);
    save(KEYS.queue, items);
    showQueue();
  }

  function showQueue() {
    var count = queue().length;
    status.textContent = count ? counted("kiosk.waiting", count) : "";
  }

  // Sends the queue oldest first; stops at the first answer the server does
  // not take now (offline, 5xx) and tries again later.
  function flush() {
    if (flushing) return Promise.resolve();
    flushing = true;
    function next() {
      var items = queue();
      if (!items.length) return Promise.resolve();
      var item = items[0];
      var body = { target: item.target, channel: "kiosk", language: item.language, answers: item.answers, answeredAt: item.answeredAt };
      if (item.openText) body.openText = item.openText;
      return fetch("/api/v1/responses", {
        method: "POST", headers: { "Content-Type": "application/json", "Idempotency-Key": item.key }, body: JSON.stringify(body)
      }).then(function (response) {
        // A 4xx other than 408/429 will never succeed: keeping it would block every answer behind it.
        var done = response.ok || (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429);
        if (!done) throw new Error("server answered " + response.status);
        save(KEYS.queue, queue().filter(function (queued) { return queued.key !== item.key; }));
        showQueue();
        return next();
      });
    }
    return next().catch(function () { /* offline: the queue stays */ }).then(function () { flushing = false; showQueue(); });
  }

  // ---- Server ---------------------------------------------------------------

  function authorised(path, options) {
    options = options || {};
    options.headers = options.headers || {};
    options.headers.Authorization = "Bearer " + load(KEYS.token, "");
    return fetch(path, options);
  }

  function heartbeat() {
    if (!load(KEYS.token, null)) return;
    authorised("/api/v1/kiosk/heartbeat", { method: "POST" }).then(function (response) {
      if (response.status === 401) { localStorage.removeItem(KEYS.token); state.screen = "pairing"; render(); }
    }).catch(function () {});
  }

  // A kiosk paired before the unit's name and the languages were sent learns them here; an administrator's changes arrive too.
  function refreshConfig() {
    if (!load(KEYS.token, null)) return Promise.resolve();
    return authorised("/api/v1/kiosk/config").then(function (response) {
      if (!response.ok) return;
      return response.json().then(function (config) { save(KEYS.config, config); });
    }).catch(function () {});
  }

  function refreshSurveys() {
    var config = load(KEYS.config, null);
    if (!config) return Promise.resolve();
    var surveys = load(KEYS.surveys, {});
    var requests = [];
    config.targets.forEach(function (target) {
      LANGUAGES.forEach(function (lang) {
        requests.push(fetch("/api/v1/targets/" + encodeURIComponent(target.code) + "/survey?lang=" + lang).then(function (response) {
          if (!response.ok) return;
          return response.json().then(function (survey) {
            surveys[target.code] = surveys[target.code] || {};
            surveys[target.code][lang] = survey;
          });
        }));
      });
    });
    return Promise.all(requests).catch(function () {}).then(function () { save(KEYS.surveys, surveys); });
  }

  function pair(code) {
    state.error = "";
    return fetch("/api/v1/kiosk/pair", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ code: code }) })
      .then(function (response) {
        if (!response.ok) { state.error = t("kiosk.pair.wrong"); return render(); }
        return response.json().then(function (paired) {
          save(KEYS.token, paired.token);
          save(KEYS.config, paired.config);
          return refreshSurveys().then(function () { reset(); });
        });
      })
      .catch(function () { state.error = t("kiosk.pair.offline"); render(); });
  }

  // ---- Answering ------------------------------------------------------------

  function survey() {
    var surveys = load(KEYS.surveys, {});
    return state.target && surveys[state.target] && (surveys[state.target][language] || surveys[state.target].fi);
  }

  function steps() {
    var current = survey();
    if (!current) return [];
    // The organisation's own choices are asked too; the national background questions are left to the web form.
    return current.questions.filter(function (q) {
      return q.type === "scale0to10" || q.type === "scale1to5" || q.type === "text" || (q.type === "choice" && q.core === false);
    });
  }

  function answered() { return Object.keys(state.answers).length > 0 || !!state.openText; }

  function finish() {
    if (answered()) {
      enqueue({ key: uuid(), target: state.target, language: language, answers: state.answers, openText: state.openText || null,
                answeredAt: new Date().toISOString() });
      flush();
    }
    state.screen = "thanks";
    render();
    clearTimeout(idleTimer);
    idleTimer = setTimeout(reset, THANKS_MS);
  }

  // The organisation's first language, not whatever the last person chose.
  function languages() {
    var config = load(KEYS.config, null);
    var listed = (config && config.languages || []).filter(function (lang) { return LANGUAGES.indexOf(lang) >= 0; });
    return listed.length ? listed : LANGUAGES;
  }

  function setLanguage(lang) { language = lang; document.documentElement.lang = lang; }

  function reset() {
    clearTimeout(idleTimer);
    var config = load(KEYS.config, null);
    if (config) setLanguage(languages()[0]);
    state = { screen: load(KEYS.token, null) && config ? "start" : "pairing", target: null, answers: {}, step: 0, error: "", openText: "" };
    if (config && config.targets.length === 1) { state.target = config.targets[0].code; state.screen = "question"; }
    render();
  }

  // Anyone walking away mid-answer: what they gave is kept, the kiosk starts over.
  function touched() {
    clearTimeout(idleTimer);
    if (state.screen === "question") idleTimer = setTimeout(function () { if (answered()) finish(); else reset(); }, IDLE_MS);
  }

  function advance() {
    state.step += 1;
    if (state.step >= steps().length) finish(); else render();
  }

  function targets() { return load(KEYS.config, { targets: [] }).targets; }

  // Back from the first question leads to the choice of service, where there is one.
  function back() {
    if (state.step > 0) state.step -= 1;
    else if (targets().length > 1) state.screen = "start";
    render();
  }

  // ---- Screens --------------------------------------------------------------

  function languageBar() {
    var names = { fi: "Suomi", sv: "Svenska", en: "English" };
    var offered = languages();
    if (offered.length < 2) return null;
    return el("div", { class: "languages row", role: "group", "aria-label": t("kiosk.language") }, offered.map(function (lang) {
      return el("button", { type: "button", lang: lang, "aria-pressed": String(lang === language), onclick: function () {
        setLanguage(lang); render();
      } }, [names[lang]]);
    }));
  }

  function topBar(nodes) { return el("div", { class: "top" }, nodes.filter(function (node) { return node; })); }

  function targetName(code) {
    var found = targets().filter(function (target) { return target.code === code; })[0];
    return found ? (found.name[language] || found.name.fi) : "";
  }

  function unitName() {
    var unit = load(KEYS.config, {}).unit || {};
    return unit[language] || unit.fi || "";
  }

  // Drawn, not emoji: a face looks the same on every device whatever its fonts.
  function face(score) {
    var mouth = { 1: 22, 2: 27, 3: 32, 4: 37, 5: 42 }[score];
    var svg = document.createElementNS(SVG, "svg");
    [["viewBox", "0 0 48 48"], ["width", "56"], ["height", "56"], ["class", "face face-" + score], ["aria-hidden", "true"], ["focusable", "false"]]
      .forEach(function (pair) { svg.setAttribute(pair[0], pair[1]); });
    function shape(tag, attributes) {
      var node = document.createElementNS(SVG, tag);
      Object.keys(attributes).forEach(function (name) { node.setAttribute(name, attributes[name]); });
      svg.appendChild(node);
    }
    shape("circle", { cx: "24", cy: "24", r: "21", "class": "skin", "stroke-width": "3" });
    shape("circle", { cx: "17", cy: "19", r: "2.75", "class": "feature" });
    shape("circle", { cx: "31", cy: "19", r: "2.75", "class": "feature" });
    shape("path", { d: "M14 " + (score < 3 ? 34 : 31) + " Q24 " + mouth + " 34 " + (score < 3 ? 34 : 31), fill: "none", "class": "mouth",
                    "stroke-width": "3", "stroke-linecap": "round" });
    return svg;
  }

  // An SVG attribute, not a style attribute: the page's Content-Security-Policy allows no inline styles.
  function bar(percent) {
    var svg = document.createElementNS(SVG, "svg");
    [["viewBox", "0 0 100 6"], ["preserveAspectRatio", "none"], ["class", "bar"], ["aria-hidden", "true"], ["focusable", "false"]]
      .forEach(function (pair) { svg.setAttribute(pair[0], pair[1]); });
    [["track", 100], ["done", percent]].forEach(function (part) {
      var rect = document.createElementNS(SVG, "rect");
      rect.setAttribute("class", part[0]); rect.setAttribute("width", String(part[1])); rect.setAttribute("height", "6");
      svg.appendChild(rect);
    });
    return svg;
  }

  function progress() {
    var total = steps().length, current = state.step + 1;
    return el("div", { class: "progress" }, [
      el("p", { id: "kiosk-step" }, [t("kiosk.step", { n: String(current), total: String(total) })]),
      bar(Math.round(100 * current / total))
    ]);
  }

  function pairingScreen() {
    var input = el("input", { id: "pairing-code", autocomplete: "off", autocapitalize: "characters", maxlength: "9", inputmode: "text" });
    return [
      el("h1", {}, [t("kiosk.pair.title")]),
      el("p", {}, [t("kiosk.pair.intro")]),
      el("label", { for: "pairing-code" }, [t("kiosk.pair.code")]), input,
      el("button", { type: "button", class: "primary", id: "pair", onclick: function () { pair(input.value); } }, [t("kiosk.pair.button")]),
      state.error ? el("p", { class: "error", role: "alert" }, [state.error]) : null
    ];
  }

  function startScreen() {
    var config = load(KEYS.config, { targets: [] });
    return [
      topBar([languageBar()]),
      unitName() ? el("p", { class: "place" }, [unitName()]) : null,
      el("h1", {}, [t("kiosk.welcome")]),
      el("p", {}, [t("kiosk.welcomeLine")]),
      el("h2", {}, [t("kiosk.chooseTarget")]),
      el("div", { class: "row" }, config.targets.map(function (target) {
        return el("button", { type: "button", class: "primary", "data-target": target.code, onclick: function () {
          state.target = target.code; state.screen = "question"; state.step = 0; render();
        } }, [target.name[language] || target.name.fi]);
      }))
    ];
  }

  function questionScreen() {
    var question = steps()[state.step];
    if (!question) return [el("h1", {}, [t("kiosk.noSurvey")])];
    var canGoBack = state.step > 0 || targets().length > 1;
    var nodes = [topBar([
      canGoBack ? el("button", { type: "button", id: "back", class: "back", onclick: back }, [t("kiosk.back")]) : null,
      progress(), languageBar()
    ])];
    // The first thing a person sees says where they are and why the screen is here.
    if (state.step === 0) {
      nodes.push(el("p", { class: "place" }, [targetName(state.target)]));
      nodes.push(el("div", { class: "welcome" }, [el("p", {}, [el("strong", {}, [t("kiosk.welcome")])]), el("p", {}, [t("kiosk.welcomeLine")])]));
    }
    nodes.push(el("h1", { id: "question" }, [question.text]));
    if (question.type === "scale0to10") {
      var buttons = [];
      for (var value = 0; value <= 10; value++) {
        (function (score) {
          buttons.push(el("button", { type: "button", "data-score": String(score), onclick: function () { state.answers[question.id] = score; advance(); } }, [String(score)]));
        })(value);
      }
      nodes.push(el("div", { class: "row scale", role: "group", "aria-labelledby": "question" }, buttons));
      nodes.push(el("div", { class: "ends", "aria-hidden": "true" }, [el("span", {}, ["0 = " + t("kiosk.npsLow")]), el("span", {}, ["10 = " + t("kiosk.npsHigh")])]));
    } else if (question.type === "scale1to5") {
      var smileys = [1, 2, 3, 4, 5].map(function (score) {
        return el("button", { type: "button", "data-score": String(score), onclick: function () { state.answers[question.id] = score; advance(); } },
          [face(score), el("span", {}, [score + " " + t("kiosk.scale" + score)])]);
      });
      nodes.push(el("div", { class: "row smileys", role: "group", "aria-labelledby": "question" }, smileys));
      nodes.push(el("div", { class: "row" }, [
        el("button", { type: "button", onclick: function () { state.answers[question.id] = null; advance(); } }, [t("kiosk.cannotSay")]),
        el("button", { type: "button", class: "skip", onclick: advance }, [t("kiosk.skip")])
      ]));
    } else if (question.type === "choice") {
      var options = (question.options || []).map(function (option) {
        return el("button", { type: "button", "data-option": option.id || option.value, onclick: function () {
          state.answers[question.id] = option.id || option.value; advance();
        } }, [option.text]);
      });
      nodes.push(el("div", { class: "row", role: "group", "aria-labelledby": "question" }, options));
      nodes.push(el("div", { class: "row" }, [el("button", { type: "button", class: "skip", onclick: advance }, [t("kiosk.skip")])]));
    } else if (question.id !== "openText") {
      // One of the organisation's own open questions: the answer goes with the others, and the kiosk moves on.
      var own = el("textarea", { id: "own-answer", maxlength: "500", "aria-labelledby": "question" });
      own.value = state.answers[question.id] || "";
      own.addEventListener("input", function () {
        if (own.value.trim()) state.answers[question.id] = own.value; else delete state.answers[question.id];
        touched();
      });
      nodes.push(own);
      nodes.push(el("div", { class: "row" }, [el("button", { type: "button", class: "primary", id: "next", onclick: advance }, [t("kiosk.next")])]));
    } else {
      var area = el("textarea", { id: "comment", maxlength: "500", "aria-labelledby": "question", "aria-describedby": "comment-hint" });
      area.value = state.openText || "";
      area.addEventListener("input", function () { state.openText = area.value; touched(); });
      nodes.push(el("p", { id: "comment-hint" }, [t("kiosk.commentHint")]), area);
      nodes.push(el("div", { class: "row" }, [
        el("button", { type: "button", class: "primary", id: "send", onclick: finish }, [t("kiosk.send")])
      ]));
    }
    return nodes;
  }

  function thanksScreen() {
    return [el("h1", { id: "thanks" }, [t("kiosk.thanks")]), el("p", {}, [t("kiosk.thanksNext")])];
  }

  function render() {
    var screens = { pairing: pairingScreen, start: startScreen, question: questionScreen, thanks: thanksScreen };
    root.innerHTML = "";
    (screens[state.screen] || startScreen)().forEach(function (node) { if (node) root.appendChild(node); });
    var heading = root.querySelector("h1");
    if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
    touched();
  }

  // ---- Start ----------------------------------------------------------------

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/kiosk/sw.js", { scope: "/kiosk" }).catch(function () {});
  }
  window.addEventListener("online", flush);
  setInterval(flush, FLUSH_MS);
  setInterval(heartbeat, HEARTBEAT_MS);
  reset();
  showQueue();
  flush();
  heartbeat();
  // A fresh survey replaces a cached one only on a screen nobody is answering yet.
  // data-ready tells a watching browser check that the screen will not be redrawn under it.
  refreshConfig().then(refreshSurveys).then(function () {
    if (!answered() && state.screen !== "thanks") reset();
    root.setAttribute("data-ready", "true");
  });
})();
