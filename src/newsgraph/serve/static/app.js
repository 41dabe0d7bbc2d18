/* newsgraph explorer: plain JS, no build step.
 * Safety: article text is untrusted. Nothing here assigns innerHTML/outerHTML or builds HTML strings;
 * every piece of text goes through document.createTextNode / textContent, and links are built from
 * ids with encodeURIComponent. The server's Content-Security-Policy forbids inline script as well. */
"use strict";
(function () {
  const QUADS = {
    verbal_cooperation: ["AGREE", "CONSULT", "SUPPORT", "CONCEDE"],
    material_cooperation: ["COOPERATE", "AID", "RETREAT"],
    verbal_conflict: ["REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST"],
    material_conflict: ["SANCTION", "MOBILIZE", "COERCE", "ASSAULT"],
  };
  const QUAD_COLOR = {
    verbal_cooperation: "#2a9d8f", material_cooperation: "#1d6fb8",
    verbal_conflict: "#e09f1f", material_conflict: "#c0392b", other: "#777777",
  };
  const QUAD_OF = {};
  for (const [q, types] of Object.entries(QUADS)) for (const t of types) QUAD_OF[t] = q;
  const TYPE_COLOR = { PER: "#6c4ab6", ORG: "#1b7f5a", LOC: "#b5651d", MISC: "#666666" };

  // ---- language -----------------------------------------------------------------------------
  /** A stored choice wins; else the browser's language (ru-* → ru, en-* → en); else Ukrainian. */
  function browserLang() {
    const l = (navigator.language || "").toLowerCase();
    return l.startsWith("ru") ? "ru" : l.startsWith("en") ? "en" : "uk";
  }
  const stored = localStorage.getItem("ng.lang");
  let lang = stored && window.NG_STRINGS[stored] ? stored : browserLang();
  const t = (key) => (window.NG_STRINGS[lang] || {})[key] || window.NG_STRINGS.en[key] || key;

  function applyStatic() {
    document.documentElement.lang = lang;
    for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
    for (const el of document.querySelectorAll("[data-i18n-placeholder]")) el.placeholder = t(el.dataset.i18nPlaceholder);
    for (const b of document.querySelectorAll("[data-lang]")) b.setAttribute("aria-pressed", String(b.dataset.lang === lang));
  }

  /** The entity's name in the interface language (uk, ru or en), else its stored name. */
  const nameOf = (e) => (e && ((e.names && e.names[lang]) || e.name)) || "?";
  /** The original an entity's displayed name stands for: its name in the language of the document
   *  (``docLang``) where the knowledge base has one, else its stored form. */
  const originalOf = (e, docLang) => (e && ((e.names && docLang && e.names[docLang]) || e.name)) || "";
  /** The entity's name in the interface language with the original beside it when they differ
   *  ("Russia (Росія)" for a Ukrainian document read in English). */
  function nameWithOriginal(e, docLang) {
    const shown = nameOf(e), orig = originalOf(e, docLang);
    if (!orig || orig === shown) return shown;
    return [shown, " ", h("span", { class: "orig", lang: docLang || null, title: t("name.original") }, `(${orig})`)];
  }
  /** A link to an entity, named in the interface language with the original beside it. */
  const entityLink = (e, docLang, attrs) => h("a", { href: entLink(e.id), ...(attrs || {}) }, nameWithOriginal(e, docLang));

  // ---- DOM helpers (text only) -----------------------------------------------------------------
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") el.className = v;
      else if (k === "text") el.textContent = v;
      else if (k === "href") el.setAttribute("href", safeHref(v));
      else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
      else if (k === "dataset") Object.assign(el.dataset, v);
      else el.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }
  function safeHref(v) {
    const s = String(v);
    return /^(#|\/(?!\/)|https?:\/\/)/i.test(s) ? s : "#";
  }
  const enc = encodeURIComponent;
  const docLink = (id, hl) => `#/doc/${enc(id)}` + (hl ? `?hl=${enc(hl)}` : "");
  const entLink = (id) => `#/entity/${enc(id)}`;
  const main = () => document.getElementById("main");

  async function api(path) {
    const r = await fetch(path, { headers: { Accept: "application/json" } });
    if (!r.ok) {
      let detail = r.statusText, body = null;
      try { body = await r.json(); detail = body.detail || detail; } catch (_) { /* not JSON */ }
      const err = new Error(typeof detail === "string" ? detail : JSON.stringify(detail));
      err.status = r.status;
      if (body && Array.isArray(body.suggestions)) err.suggestions = body.suggestions; // a name that names nothing
      throw err;
    }
    return r.json();
  }
  function qs(params) {
    const u = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== "") u.set(k, v);
    return u.toString();
  }

  function render(...nodes) {
    const m = main();
    m.replaceChildren(...nodes.flat(Infinity).filter((n) => n !== null && n !== undefined && n !== false));
  }
  function section(title, ...body) {
    return h("section", { class: "card" }, h("h2", { text: title }), ...body);
  }
  const badge = (text, cls) => h("span", { class: "badge " + (cls || ""), text });
  const typeBadge = (type) => badge(t("type." + type), "etype etype-" + type);
  // ISO dates as stored; a day without its year ("--10-17", "--10-17/--10-18") in words
  const dateText = (d) => {
    if (!d) return "";
    const [a, b] = String(d).split("/");
    const noYear = /^--(\d{2})-(\d{2})$/;
    const ma = noYear.exec(a), mb = b ? noYear.exec(b) : null;
    if (ma) {
      const days = mb ? (mb[1] === ma[1] ? `${+ma[2]}–${+mb[2]}.${ma[1]}` : `${+ma[2]}.${ma[1]}–${+mb[2]}.${mb[1]}`)
                      : `${+ma[2]}.${ma[1]}`;
      return `${days} (${t("date.no_year")})`;
    }
    return b ? `${a.slice(0, 10)} – ${b.slice(0, 10)}` : a.slice(0, 10);
  };
  const fmtAmount = (v, u) => (v === null || v === undefined ? "" :
    Number(v).toLocaleString({ uk: "uk-UA", ru: "ru-RU" }[lang] || "en-GB") + (u ? " " + u : ""));

  function entityChip(e) {
    return h("a", { class: "chip etype-" + e.type, href: entLink(e.id || e.entity_id), title: e.name }, nameOf(e));
  }
  function pager(page, go) {
    const nav = h("nav", { class: "pager", "aria-label": "pages" });
    if (page.offset > 0) nav.appendChild(h("button", { type: "button", onclick: () => go(Math.max(0, page.offset - page.limit)) }, "← " + t("prev")));
    if (page.total !== null && page.total !== undefined)
      nav.appendChild(h("span", { class: "muted" }, `${page.offset + 1}–${page.offset + page.items.length} / ${page.total}`));
    if (page.next_offset !== null && page.next_offset !== undefined)
      nav.appendChild(h("button", { type: "button", onclick: () => go(page.next_offset) }, t("more") + " →"));
    return nav;
  }

  // ---- charts (hand-written SVG: no library, nothing fetched) ---------------------------------
  const SVGNS = "http://www.w3.org/2000/svg";
  /** An SVG element: attributes as given (presentation attributes, never style), text as text nodes. */
  function s(tag, attrs, ...children) {
    const el = document.createElementNS(SVGNS, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "text") el.textContent = v;
      else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, String(v));
    }
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }
  const LANG_COLOR = { uk: "#2a6fb0", ru: "#8e5cc4", en: "#2a9d8f", "?": "#9aa3ab" };
  const locale = () => ({ uk: "uk-UA", ru: "ru-RU" }[lang] || "en-GB");
  /** A colour of the type's quad class, lighter for each later type of the same class. */
  function typeColor(type) {
    const quad = QUAD_OF[type] || "other", base = QUAD_COLOR[quad];
    const k = quad === "other" ? 0 : QUADS[quad].indexOf(type);
    const mix = (c) => Math.round(c + (255 - c) * Math.min(k * 0.22, 0.66));
    const rgb = [1, 3, 5].map((i) => mix(parseInt(base.slice(i, i + 2), 16)));
    return "#" + rgb.map((c) => c.toString(16).padStart(2, "0")).join("");
  }
  /** A round top for an axis: small counts get every integer, larger ones 1, 2, 2.5 or 5 × 10^k. */
  function niceMax(v) {
    if (v <= 5) return Math.max(v, 1);
    const p = Math.pow(10, Math.floor(Math.log10(v)));
    for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
    return 10 * p;
  }
  const ticksOf = (max) => (max <= 5 ? [...Array(max + 1).keys()] : [0, max / 2, max]);
  function dayLabel(iso, withYear) {
    const d = new Date(iso + "T00:00:00Z");
    if (isNaN(d)) return iso;
    return d.toLocaleDateString(locale(), withYear ? { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }
      : { day: "numeric", month: "short", timeZone: "UTC" });
  }
  const bucketText = (b, bucket) => bucket === "week" ? `${dayLabel(b.start, true)} – ${dayLabel(b.end, true)}` : dayLabel(b.start, true);
  const fmtNum = (n) => Number(n).toLocaleString(locale());

  /** Stacked bars per time bucket, in panels (one y axis each) over one shared time axis, and a legend.
   *  ``panels``: [{key, title, series: [{key, label, color, get(bucket) -> n}]}]. */
  function timeChart({ buckets, bucket, panels, label }) {
    const W = 760, left = 46, right = 14, top = 4, titleH = 20, panelH = 84, gap = 14, axisH = 38;
    const n = buckets.length, plotW = W - left - right, band = plotW / Math.max(n, 1);
    const H = top + panels.length * (titleH + panelH + gap) + axisH;
    const root = s("svg", { class: "chart", viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img", "aria-label": label });
    let y0 = top;
    for (const p of panels) {
      const stacks = buckets.map((b) => p.series.reduce((acc, se) => acc + (se.get(b) || 0), 0));
      const max = niceMax(Math.max(0, ...stacks));
      const py = y0 + titleH, scale = (v) => (v / max) * panelH;
      const g = s("g", { class: "panel", "data-panel": p.key });
      g.appendChild(s("text", { class: "panel-title", x: left, y: y0 + 13, text: p.title }));
      for (const tv of ticksOf(max)) {
        const y = py + panelH - scale(tv);
        g.appendChild(s("line", { class: tv ? "grid" : "baseline", x1: left, x2: W - right, y1: y, y2: y }));
        g.appendChild(s("text", { class: "tick", x: left - 6, y: y + 4, "text-anchor": "end", text: fmtNum(tv) }));
      }
      buckets.forEach((b, i) => {
        let acc = 0;
        const x = left + i * band + band * 0.1, w = Math.max(band * 0.8, 1);
        for (const se of p.series) {
          const v = se.get(b) || 0;
          if (!v) continue;
          const hgt = scale(v), y = py + panelH - scale(acc) - hgt;
          g.appendChild(s("rect", { class: "bar", x: x.toFixed(2), y: y.toFixed(2), width: w.toFixed(2), height: hgt.toFixed(2),
            fill: se.color, "data-series": se.key, "data-start": b.start, "data-value": v },
          s("title", { text: `${bucketText(b, bucket)} · ${se.label}: ${fmtNum(v)}` })));
          acc += v;
        }
      });
      root.appendChild(g);
      y0 += titleH + panelH + gap;
    }
    // the time axis: a label every so many buckets that they never touch, the year where it changes
    const axis = s("g", { class: "axis" });
    const every = Math.max(1, Math.ceil(70 / band));
    let lastYear = null;
    for (let i = 0; i < n; i += every) {
      const b = buckets[i], x = left + i * band + band / 2, year = b.start.slice(0, 4);
      axis.appendChild(s("line", { class: "baseline", x1: x, x2: x, y1: y0 - gap, y2: y0 - gap + 4 }));
      axis.appendChild(s("text", { class: "tick", x, y: y0 + 6, "text-anchor": "middle", text: dayLabel(b.start, year !== lastYear) }));
      lastYear = year;
    }
    axis.appendChild(s("text", { class: "axis-title", x: W - right, y: y0 + 26, "text-anchor": "end",
      text: t(bucket === "week" ? "chart.by_week" : "chart.by_day") }));
    root.appendChild(axis);
    const legend = h("ul", { class: "chart-legend" }, panels.flatMap((p) => p.series).map((se) =>
      h("li", { dataset: { series: se.key } }, s("svg", { width: 12, height: 12, "aria-hidden": "true" }, s("rect", { width: 12, height: 12, rx: 2, fill: se.color })), se.label)));
    return h("figure", { class: "chart-figure" }, h("div", { class: "chart-scroll" }, root), legend);
  }

  /** The entity page's chart: stories naming it, quotes it speaks, its events by PLOVER type. */
  function timelineFigure(tl) {
    if (!tl.buckets.length) return h("p", { class: "muted", text: t("chart.empty") });
    const tot = tl.totals;
    const panels = [{ key: "stories", title: `${t("chart.stories")}: ${fmtNum(tot.stories)} (${fmtNum(tot.mentions)} ${t("mentions")})`,
      series: [{ key: "stories", label: t("chart.stories"), color: "#1d5fa8", get: (b) => b.stories }] }];
    if (tot.quotes) panels.push({ key: "quotes", title: `${t("chart.quotes")}: ${fmtNum(tot.quotes)}`,
      series: [{ key: "quotes", label: t("chart.quotes"), color: "#d4a017", get: (b) => b.quotes }] });
    if (tot.events) panels.push({ key: "events", title: `${t("chart.events")}: ${fmtNum(tot.events)}`,
      series: tl.event_types.map((ty) => ({ key: ty, label: ty, color: typeColor(ty), get: (b) => b.event_types[ty] || 0 })) });
    const u = tl.undated;
    return [timeChart({ buckets: tl.buckets, bucket: tl.bucket, panels, label: t("chart.timeline") }),
      u.stories || u.quotes || u.events ? h("p", { class: "muted" },
        `${t("chart.undated")}: ${u.stories} ${t("chart.stories").toLowerCase()}, ${u.quotes} ${t("chart.quotes").toLowerCase()}, ${u.events} ${t("chart.events").toLowerCase()}`) : null];
  }

  function volumeFigure(v) {
    if (!v.buckets.length) return h("p", { class: "muted", text: v.total ? `${t("chart.undated")}: ${v.total}` : t("chart.empty") });
    const series = v.languages.map((l) => ({ key: l, label: l === "?" ? t("facet.none") : t("lang." + l), color: LANG_COLOR[l] || LANG_COLOR["?"],
      get: (b) => b.languages[l] || 0 }));
    return [timeChart({ buckets: v.buckets, bucket: v.bucket, label: t("chart.volume"),
      panels: [{ key: "documents", title: `${t("results.documents")}: ${fmtNum(v.total)}`, series }] }),
      v.undated.documents ? h("p", { class: "muted", text: `${t("chart.undated")}: ${v.undated.documents}` }) : null];
  }

  // ---- facets and exports -----------------------------------------------------------------------
  function facetLabel(key, v) {
    if (v.value === null || v.value === undefined) return t("facet.none");
    if (key === "language") return t("lang." + v.value);
    if (v.name) return nameOf(v);
    return v.value;
  }
  /** Counts by value of what the list holds; a value the list can filter by is a link that adds the
   *  filter (or, when it is the filter, removes it). ``route`` is the list's hash up to "?". */
  function facetPanel(facets, params, route) {
    const href = (param, value) => {
      const next = new URLSearchParams(params);
      next.delete("offset");
      if (value === null) next.delete(param); else next.set(param, value);
      return route + next.toString();
    };
    const active = [];
    for (const g of facets.groups) {
      if (g.param && params.get(g.param) && !active.some((a) => a.param === g.param)) active.push({ param: g.param, value: params.get(g.param), key: g.key, group: g });
    }
    const chips = active.length ? h("div", { class: "chips facet-active" }, active.map((a) => {
      const known = a.group.values.find((v) => v.value === a.value);
      return h("a", { class: "chip active", href: href(a.param, null), title: t("facet.clear"), dataset: { param: a.param } },
        `${t("facet." + a.key)}: ${known ? facetLabel(a.key, known) : a.value} ×`);
    })) : null;
    const groups = facets.groups.filter((g) => g.values.length).map((g) => h("div", { class: "facet-group", dataset: { facet: g.key } },
      h("h3", { text: t("facet." + g.key) }),
      h("ul", { class: "facet-list" }, g.values.map((v) => {
        const label = [facetLabel(g.key, v), " ", h("span", { class: "count", text: fmtNum(v.count) })];
        if (!g.param || v.value === null) return h("li", {}, h("span", { class: "facet static", title: g.param ? null : t("facet.noparam") }, label));
        const on = params.get(g.param) === v.value;
        return h("li", {}, h("a", { class: "facet" + (on ? " active" : "") + (g.key === "type" ? " quad-" + (QUAD_OF[v.value] || "other") : ""),
          href: href(g.param, on ? null : v.value), "aria-current": on ? "true" : null, dataset: { param: g.param, value: v.value } }, label));
      }))));
    return h("section", { class: "card facets", "aria-label": t("facet.title") }, h("h2", {}, t("facet.title"), " ",
      h("span", { class: "muted", text: `(${fmtNum(facets.total)})` })), chips, groups);
  }
  /** CSV and JSONL downloads of the list as filtered now (the export takes the list's filters). */
  function exportBar(kind, filters, extra) {
    const link = (fmt, label) => h("a", { class: "button", href: `/api/export/${kind}.${fmt}?` + qs(filters), download: "", dataset: { export: fmt } }, label);
    return h("p", { class: "exports" }, h("span", { class: "muted", text: t("events.export") + ": " }), link("csv", "CSV"), " ", link("jsonl", "JSONL"),
      extra ? [" ", extra] : null);
  }

  // ---- router -------------------------------------------------------------------------------
  function parseHash() {
    const raw = location.hash.replace(/^#/, "") || "/";
    const [path, query] = raw.split("?");
    return { parts: path.split("/").filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query || "") };
  }
  function go(hash) { if (location.hash === hash) route(); else location.hash = hash; }

  let routeSeq = 0;
  async function route() {
    const seq = ++routeSeq;
    const { parts, params } = parseHash();
    for (const a of document.querySelectorAll("#nav a"))
      a.setAttribute("aria-current", String(a.getAttribute("href") === "#/" + (parts[0] || "")));
    render(h("p", { class: "muted", text: t("loading") }));
    try {
      const view = { "": viewHome, documents: viewDocuments, search: viewSearch, doc: viewDocument,
        entities: viewEntities, entity: viewEntity, events: viewEvents, quotes: viewQuotes, graph: viewGraph }[parts[0] || ""]
        || (window.NG_VIEWS || {})[parts[0]]; // views of their own files (map.js)
      if (!view) throw Object.assign(new Error(t("notfound")), { status: 404 });
      const nodes = await view(parts.slice(1), params, () => seq !== routeSeq);
      if (seq !== routeSeq || nodes === undefined) return;
      render(nodes);
      const heading = main().querySelector("h1");
      if (heading) document.title = heading.textContent + " · newsgraph";
      if (view.after) view.after(params);
    } catch (err) {
      if (seq !== routeSeq) return;
      render(h("div", { class: "card error", role: "alert" },
        h("h1", { text: err.status === 404 ? t("notfound") : t("error") }), unknownName(err) || h("p", { text: err.message })));
    }
  }
  /** The label of a list's entity filter, by its query parameter. */
  const PARAM_LABEL = { actor: "events.actor", recipient: "events.recipient", speaker: "events.speaker",
    place: "events.place", about: "quotes.about", entity: "graph.focus" };
  /** A 422 for an entity filter that names no entity ("place: no entity named X", with the nearest
   *  names) said in the interface language, each suggestion a link to the same view with it instead;
   *  null for any other error. */
  function unknownName(err) {
    const m = /^(\w+): no entity named ([\s\S]*)$/.exec(err.message || "");
    if (err.status !== 422 || !m || !Array.isArray(err.suggestions)) return null;
    const [, param, ref] = m;
    const { parts, params } = parseHash();
    // the view's own parameter holding the name (the graph's "focus" is the API's "entity")
    let key = param;
    if (params.get(key) !== ref) for (const [k, v] of params) if (v === ref) key = k;
    const link = (sug) => {
      const next = new URLSearchParams(params);
      next.delete("offset");
      next.set(key, sug.id);
      return h("a", { class: "chip etype-" + sug.type, href: "#/" + parts.map(enc).join("/") + "?" + next.toString(),
        title: sug.id, dataset: { suggestion: sug.id } }, nameOf(sug));
    };
    return h("div", { class: "unknown-name", dataset: { param } },
      h("p", {}, `${t(PARAM_LABEL[param] || param)}: «${ref}» — ${t("error.no_entity")}`),
      err.suggestions.length ? h("p", {}, t("error.did_you_mean") + " ", h("span", { class: "chips" }, err.suggestions.map(link))) : null);
  }

  // ---- views --------------------------------------------------------------------------------
  async function viewHome() {
    const [stats, docs, ents] = await Promise.all([api("/api/stats"), api("/api/documents?limit=8"), api("/api/entities?limit=16")]);
    const nums = ["documents", "reprints", "entities", "quotes", "events"].map((k) =>
      h("div", { class: "stat" }, h("strong", { text: String(stats[k]) }), h("span", { text: t("home." + k) })));
    const types = Object.entries(stats.event_types).map(([type, n]) =>
      h("a", { class: "chip quad-" + (QUAD_OF[type] || "other"), href: "#/graph?" + qs({ types: type }) }, `${type} ${n}`));
    const tries = [
      [t("home.q1"), "#/entity/" + enc("Рютте")],
      [t("home.q2"), "#/events?" + qs({ type: "AID", recipient: "Україна" })],
      [t("home.q3"), "#/graph?" + qs({ types: "AID,COOPERATE,SUPPORT", focus: "Росія" })],
    ].map(([label, href]) => h("li", {}, h("a", { href }, label)));
    return [
      h("h1", { text: t("home.title") }),
      h("div", { class: "stats" }, nums),
      h("div", { class: "grid2" },
        section(t("home.recent"), docList(docs.items), h("p", {}, h("a", { href: "#/documents" }, t("more") + " →"))),
        h("div", {},
          section(t("home.questions"), h("ul", { class: "plain" }, tries)),
          section(t("home.top"), h("div", { class: "chips" }, ents.items.map(entityChip))),
          section(t("home.types"), h("div", { class: "chips" }, types)))),
    ];
  }

  function docList(items) {
    return h("ul", { class: "docs" }, items.map((d) => h("li", {},
      h("a", { href: docLink(d.id), class: "doc-title" }, d.title || d.id),
      h("div", { class: "meta" }, badge(d.language || "?", "lang"), " ", dateText(d.published), " ",
        d.site || "", d.reprints ? ` · +${d.reprints} ${t("reprints")}` : ""),
      d.lead ? h("p", { class: "lead", text: d.lead }) : null)));
  }

  async function viewDocuments(_, params) {
    const offset = Number(params.get("offset") || 0), language = params.get("language") || "";
    const page = await api("/api/documents?" + qs({ limit: 30, offset, language }));
    return [h("h1", { text: t("nav.documents") }), section(t("nav.documents"), exportBar("documents", { language }), docList(page.items),
      pager(page, (o) => go("#/documents?" + qs({ offset: o, language }))))];
  }

  const SEARCH_FILTERS = ["language", "site", "entity", "type", "all"];
  async function viewSearch(_, params) {
    const q = params.get("q") || "";
    document.getElementById("q").value = q;
    if (!q.trim()) return [h("h1", { text: t("search.label") })];
    const offset = Number(params.get("offset") || 0);
    const f = {};
    for (const k of SEARCH_FILTERS) f[k] = params.get(k) || "";
    let res, volume, facets;
    try {
      [res, volume, facets] = await Promise.all([api("/api/search?" + qs({ q, ...f, offset, limit: 20 })),
        api("/api/search/volume?" + qs({ q, ...f })), api("/api/search/facets?" + qs({ q, ...f }))]);
    } catch (err) {
      // an entity filter that names nothing (422, with the nearest names), said where the results would be
      const unknown = unknownName(err);
      if (!unknown) throw err;
      return [h("h1", {}, t("search.label") + ": ", h("q", { text: q })), section(t("results.documents"), unknown)];
    }
    // a hit with ``via`` matched no word of the query: it mentions the entity the query names
    // (``through``), in any language, and says so
    const viaEntity = (id) => (res.through && res.through.id === id ? res.through : { id, name: id });
    const viaBadge = (id) => h("span", { class: "badge via", title: t("search.via_title"), dataset: { via: id } },
      t("search.via") + ": " + nameOf(viaEntity(id)));
    const hits = h("ul", { class: "docs" }, res.items.map((hit) => h("li", { class: hit.via ? "via" : null },
      h("a", { href: docLink(hit.id), class: "doc-title" }, hit.title || hit.id),
      h("div", { class: "meta" }, badge(hit.language || "?", "lang"), " ", dateText(hit.published),
        hit.site ? " · " + hit.site : "", hit.reprints ? ` · +${hit.reprints} ${t("reprints")}` : "",
        hit.via ? [" ", viaBadge(hit.via)] : null),
      hit.via && !hit.snippet ? null : h("p", { class: "snippet" }, marked(hit.snippet, hit.highlights)))));
    const viaCount = res.items.filter((hit) => hit.via).length;
    const viaNote = viaCount && res.through ? h("p", { class: "via-note muted", dataset: { via: res.through.id } },
      t("search.via_count") + " ", h("a", { href: entLink(res.through.id) }, nameOf(res.through)), ` (${t("search.via_any")}): `,
      h("strong", { class: "via-count", text: String(viaCount) })) : null;
    return [
      h("h1", {}, t("search.label") + ": ", h("q", { text: q })),
      h("div", { class: "list-layout" },
        h("div", {},
          section(t("chart.volume"), h("div", { id: "volume" }, volumeFigure(volume))),
          res.entities.length && offset === 0 ? section(t("results.entities"), h("ul", { class: "plain" }, res.entities.map((e) =>
            h("li", {}, entityChip(e), " ", typeBadge(e.type), " ", h("span", { class: "muted" },
              Object.entries(e.names || {}).map(([l, n]) => `${l}: ${n}`).join(" · "), ` — ${e.mentions} ${t("mentions")}, ${e.documents} ${t("in_docs")}`))))) : null,
          section(t("results.documents"), viaNote, res.items.length ? hits : h("p", { text: t("results.none") }),
            pager(res, (o) => go("#/search?" + qs({ q, ...f, offset: o }))))),
        h("aside", {}, facetPanel(facets, params, "#/search?"))),
    ];
  }

  /** Text with <mark>s at the given (start, end) pairs, built from text nodes. */
  function marked(text, spans) {
    const out = [];
    let at = 0;
    for (const [s, e] of (spans || []).slice().sort((a, b) => a[0] - b[0])) {
      if (s < at) continue;
      out.push(text.slice(at, s), h("mark", { text: text.slice(s, e) }));
      at = e;
    }
    out.push(text.slice(at));
    return out;
  }

  // ---- document view --------------------------------------------------------------------------
  async function viewDocument(parts, params) {
    const doc = await api("/api/documents/" + enc(parts[0]));
    const hl = (params.get("hl") || "").split("-").map(Number);
    const quotes = doc.quotes, events = doc.events;
    const article = h("article", { class: "doc-text", lang: doc.language || "" });
    for (const seg of doc.segments) article.appendChild(renderSegment(doc, seg, hl));

    const legend = h("p", { class: "legend" }, t("doc.legend") + ": ",
      h("span", { class: "mention etype-PER" }, t("legend.mention")), " ",
      h("span", { class: "in-quote" }, t("legend.quote")), " ",
      h("span", { class: "trigger quad-material_cooperation" }, t("legend.trigger")), " ",
      h("span", { class: "seg-boilerplate-sample" }, t("seg.boilerplate")));

    // side panel: entities, quotes, events
    const seen = new Map();
    for (const m of doc.mentions) {
      const e = seen.get(m.entity_id) || { id: m.entity_id, name: m.name, names: m.names, type: m.type, n: 0 };
      e.n += 1; seen.set(m.entity_id, e);
    }
    const ents = [...seen.values()].sort((a, b) => b.n - a.n || nameOf(a).localeCompare(nameOf(b)));
    const quoteList = h("ol", { class: "quotes" }, quotes.map((q) => quoteCard(q, { inDoc: true })));
    const eventList = h("ol", { class: "events" }, events.map((ev) => eventCard(ev, { inDoc: true })));
    const src = doc.source || {};
    const meta = h("dl", { class: "meta-list" },
      h("dt", { text: t("doc.language") }), h("dd", { text: doc.language || "?" }),
      doc.published ? [h("dt", { text: t("doc.published") }), h("dd", { text: doc.published })] : null,
      h("dt", { text: t("doc.source") }), h("dd", {}, src.url ? h("a", { href: src.url, rel: "noopener noreferrer nofollow", target: "_blank" }, src.url) : (src.path || "?"),
        src.record ? ` (${src.record})` : ""),
      doc.duplicate_of ? [h("dt", { text: t("doc.reprint_of") }), h("dd", {}, h("a", { href: docLink(doc.duplicate_of) }, doc.duplicate_of))] : null,
      doc.reprints.length ? [h("dt", { text: t("doc.reprinted_as") }), h("dd", {}, doc.reprints.map((r) => [h("a", { href: docLink(r) }, r), " "]))] : null);
    return [
      h("h1", { class: "doc-h1", text: doc.title || doc.id }),
      h("div", { class: "doc-layout" },
        h("div", { class: "doc-main card" }, legend, article),
        h("aside", { class: "doc-side" },
          section(t("doc.source"), meta),
          section(`${t("doc.entities")} (${ents.length})`, h("div", { class: "chips" }, ents.map((e) =>
            h("a", { class: "chip etype-" + e.type, href: entLink(e.id), title: t("type." + e.type) }, nameWithOriginal(e, doc.language), ` ×${e.n}`)))),
          section(`${t("doc.quotes")} (${quotes.length})`, quoteList),
          section(`${t("doc.events")} (${events.length})`, eventList))),
    ];
  }
  viewDocument.after = (params) => {
    const target = document.querySelector(".hl-target");
    if (target) target.scrollIntoView({ block: "center" });
  };

  function renderSegment(doc, seg, hl) {
    const inSeg = (s, e) => s !== null && e !== null && s < seg.end && e > seg.start;
    const spans = [];
    for (const m of doc.mentions) if (inSeg(m.start, m.end)) spans.push({ k: "m", s: m.start, e: m.end, v: m });
    for (const q of doc.quotes) if (inSeg(q.content_start, q.content_end)) spans.push({ k: "q", s: q.content_start, e: q.content_end, v: q });
    for (const q of doc.quotes) if (inSeg(q.cue_start, q.cue_end)) spans.push({ k: "c", s: q.cue_start, e: q.cue_end, v: q });
    for (const ev of doc.events) if (inSeg(ev.trigger_start, ev.trigger_end)) spans.push({ k: "t", s: ev.trigger_start, e: ev.trigger_end, v: ev });
    if (hl.length === 2 && inSeg(hl[0], hl[1])) spans.push({ k: "h", s: hl[0], e: hl[1] });
    const cuts = new Set([seg.start, seg.end]);
    for (const sp of spans) { cuts.add(Math.max(sp.s, seg.start)); cuts.add(Math.min(sp.e, seg.end)); }
    const points = [...cuts].sort((a, b) => a - b);
    const block = h("div", { class: `seg seg-${seg.kind}`, dataset: { kind: seg.kind } },
      h("span", { class: "seg-label", "aria-hidden": "false" }, t("seg." + seg.kind) + (seg.language ? " · " + seg.language : "")));
    const body = h(seg.kind === "title" ? "p" : "p", { class: "seg-text" });
    const startedQuotes = new Set();
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      const text = doc.text.slice(a, b);
      const active = spans.filter((sp) => sp.s <= a && sp.e >= b);
      const mention = active.filter((sp) => sp.k === "m").sort((x, y) => (y.e - y.s) - (x.e - x.s))[0];
      const trig = active.find((sp) => sp.k === "t");
      const quote = active.find((sp) => sp.k === "q");
      const cue = active.find((sp) => sp.k === "c");
      if (quote && !startedQuotes.has(quote.v.id)) {
        startedQuotes.add(quote.v.id);
        if (quote.s >= seg.start) body.appendChild(speakerBadge(quote.v));
      }
      let el;
      if (mention) {
        const m = mention.v;
        el = h("a", { class: `mention etype-${m.type} mkind-${m.kind}`, href: entLink(m.entity_id),
          title: `${nameOf(m)} · ${t("type." + m.type)}`, dataset: { entity: m.entity_id } }, text);
      } else if (trig) {
        const ev = trig.v;
        el = h("button", { type: "button", class: `trigger quad-${QUAD_OF[ev.type] || "other"}`, title: ev.type,
          dataset: { event: String(ev.id) }, onclick: () => focusCard("ev-" + ev.id) }, text);
      } else {
        el = h("span", {}, text);
      }
      if (quote) { el.classList.add("in-quote", "qkind-" + quote.v.kind); el.dataset.quote = String(quote.v.id); if (!el.id && quote.s === a) el.id = "q-" + quote.v.id; }
      if (cue) el.classList.add("cue");
      if (trig && el.tagName !== "BUTTON") { el.classList.add("trigger-text"); }
      if (trig && !el.id) el.id = "t-" + trig.v.id + "-" + a;
      if (active.some((sp) => sp.k === "h")) el.classList.add("hl-target");
      body.appendChild(el);
    }
    block.appendChild(body);
    return block;
  }

  function speakerBadge(q) {
    const who = q.speaker ? nameOf({ name: q.speaker_name, names: q.speaker_names }) : (q.speaker_text || t("quote.unknown"));
    const label = `${who} · ${t("quote." + q.kind)}`;
    return q.speaker
      ? h("a", { class: "speaker", href: entLink(q.speaker), title: t("quote.speaker") }, "❝ " + label)
      : h("span", { class: "speaker", title: t("quote.speaker") }, "❝ " + label);
  }

  function focusCard(id) {
    const card = document.getElementById(id);
    if (!card) return;
    card.scrollIntoView({ block: "nearest" });
    card.classList.add("flash");
    card.focus({ preventScroll: true });
    setTimeout(() => card.classList.remove("flash"), 1500);
  }
  function focusText(selector) {
    const el = document.querySelector(selector);
    if (!el) return;
    el.scrollIntoView({ block: "center" });
    const all = document.querySelectorAll(selector.startsWith("#q-") ? `[data-quote="${selector.slice(3)}"]` : selector);
    for (const x of all) { x.classList.add("flash"); setTimeout(() => x.classList.remove("flash"), 1500); }
  }

  function quoteCard(q, opts) {
    const who = q.speaker ? entityLink({ id: q.speaker, name: q.speaker_name, names: q.speaker_names }, q.language, { class: "who" })
      : h("span", { class: "who muted" }, q.speaker_text || t("quote.unknown"));
    return h("li", { class: "quote", id: opts.inDoc ? "qc-" + q.id : null, tabindex: "-1", dataset: { kind: q.kind } },
      h("div", { class: "meta" }, who, " ", badge(t("quote." + q.kind), "qkind qkind-" + q.kind),
        q.cue ? h("span", { class: "muted" }, " — " + q.cue) : null),
      h("blockquote", { text: q.content || "" }),
      opts.inDoc
        ? h("button", { type: "button", class: "link", onclick: () => focusText("#q-" + q.id) }, t("doc.show"))
        : h("div", { class: "meta" }, h("a", { href: docLink(q.doc_id, `${q.content_start}-${q.content_end}`) }, q.title || q.doc_id),
          " ", dateText(q.published)));
  }

  function eventCard(ev, opts) {
    const people = (list) => list.length ? list.map((p, i) => [i ? ", " : "", entityLink(p, ev.language)]) : "—";
    // the named recipients (links), then the words of those no entity stands for (a description, no link)
    const recipients = () => {
      const named = ev.recipients.map((p) => entityLink(p, ev.language));
      const phrases = (ev.recipient_phrases || []).map((p) =>
        h("span", { class: "phrase", title: t("events.phrase") }, "«" + p.text + "»"));
      const all = [...named, ...phrases];
      return all.length ? all.map((x, i) => [i ? ", " : "", x]) : "—";
    };
    const quad = QUAD_OF[ev.type] || "other";
    return h("li", { class: "event", id: opts.inDoc ? "ev-" + ev.id : null, tabindex: "-1", dataset: { type: ev.type } },
      h("div", { class: "meta" }, badge(ev.type + (ev.mode ? "/" + ev.mode : ""), "etype-ev quad-" + quad), " ",
        people(ev.actors), " → ", recipients(),
        ev.amount_value !== null && ev.amount_value !== undefined ? h("strong", { class: "amount" }, " " + fmtAmount(ev.amount_value, ev.amount_unit)) : null,
        ev.factuality && ev.factuality !== "asserted" ? badge(t("fact." + ev.factuality), "fact") : null,
        ev.source ? h("span", { class: "muted" }, ` (${t("events.speaker").toLowerCase()} `, entityLink({ id: ev.source, name: ev.source_name || ev.source, names: ev.source_names }, ev.language), ")") : null),
      h("p", { class: "evidence", text: ev.evidence || "" }),
      opts.inDoc
        ? h("button", { type: "button", class: "link", onclick: () => focusText(`[data-event="${ev.id}"]`) }, t("doc.show"))
        : h("div", { class: "meta" }, h("a", { href: docLink(ev.doc_id, `${ev.evidence_start}-${ev.evidence_end}`) }, ev.title || ev.doc_id),
          " ", dateText(ev.date || ev.published)));
  }

  // ---- entities -------------------------------------------------------------------------------
  async function viewEntities(_, params) {
    const offset = Number(params.get("offset") || 0), type = params.get("type") || "";
    const page = await api("/api/entities?" + qs({ limit: 60, offset, type }));
    const filters = h("div", { class: "chips", role: "group" }, ["", "PER", "ORG", "LOC", "MISC"].map((ty) =>
      h("a", { class: "chip" + (ty === type ? " active" : ""), href: "#/entities?" + qs({ type: ty }), "aria-current": String(ty === type) },
        ty ? t("type." + ty) : t("filter.all"))));
    const rows = h("table", { class: "table" }, h("tbody", {}, page.items.map((e) => h("tr", {},
      h("td", {}, h("a", { href: entLink(e.id) }, nameOf(e))), h("td", {}, typeBadge(e.type)),
      h("td", { class: "muted" }, ["uk", "ru", "en"].filter((l) => e.names[l]).map((l) => `${l}: ${e.names[l]}`).join(" · ")),
      h("td", { class: "num" }, `${e.documents} ${t("in_docs")}`)))));
    return [h("h1", { text: t("nav.entities") }), section(t("nav.entities"), filters, exportBar("entities", { type }), rows,
      pager(page, (o) => go("#/entities?" + qs({ offset: o, type }))))];
  }

  async function viewEntity(parts) {
    let e;
    try {
      e = await api("/api/entities/" + enc(parts[0]));
    } catch (err) {
      if (err.status !== 409) throw err;
      const cands = await api("/api/entities?" + qs({ q: parts[0], limit: 50 }));
      return [h("h1", {}, h("q", { text: parts[0] })), section(t("results.entities"),
        h("ul", { class: "plain" }, cands.items.map((c) => h("li", {}, entityChip(c), " ", typeBadge(c.type)))))];
    }
    const tl = await api("/api/entities/" + enc(e.id) + "/timeline");
    const chartBox = h("div", { id: "timeline-chart" }, timelineFigure(tl));
    const bucketButtons = h("div", { class: "chips", role: "group", "aria-label": t("chart.bucket") }, ["day", "week"].map((b) =>
      h("button", { type: "button", class: "chip" + (b === tl.bucket ? " active" : ""), "aria-pressed": String(b === tl.bucket), dataset: { bucket: b },
        onclick: async (ev) => {
          const group = ev.currentTarget.parentNode;
          const next = await api("/api/entities/" + enc(e.id) + "/timeline?" + qs({ bucket: b }));
          for (const x of group.children) { x.classList.toggle("active", x.dataset.bucket === b); x.setAttribute("aria-pressed", String(x.dataset.bucket === b)); }
          chartBox.replaceChildren(...[timelineFigure(next)].flat().filter(Boolean));
        } }, t("chart." + b))));
    const names = h("table", { class: "names" }, h("tbody", {}, ["uk", "ru", "en"].map((l) =>
      h("tr", {}, h("th", { text: l }), h("td", { lang: l, text: e.names[l] || "—" })))));
    const roles = e.roles.length ? h("ul", { class: "plain" }, e.roles.map((r) => h("li", {}, r.title,
      r.org ? [" — ", h("a", { href: entLink(r.org), title: r.org_name || r.org }, nameOf({ name: r.org_name || r.org, names: r.org_names }))] : null))) : h("p", { class: "muted", text: t("none") });

    // timeline: events (as actor / recipient) and quotes by the entity, by date
    const items = [];
    for (const ev of e.events_as_actor) items.push({ kind: "event", role: "as_actor", date: ev.date || ev.published, v: ev });
    for (const ev of e.events_as_recipient) items.push({ kind: "event", role: "as_recipient", date: ev.date || ev.published, v: ev });
    for (const q of e.quotes_by) items.push({ kind: "quote", date: q.published, v: q });
    items.sort((a, b) => String(a.date || "9999").localeCompare(String(b.date || "9999")) ||
      String(a.v.doc_id).localeCompare(String(b.v.doc_id)) ||
      (a.v.content_start ?? a.v.evidence_start ?? 0) - (b.v.content_start ?? b.v.evidence_start ?? 0));
    const timeline = h("ol", { class: "timeline" });
    let lastDate = null;
    for (const it of items) {
      const d = dateText(it.date) || t("entity.undated");
      if (d !== lastDate) { timeline.appendChild(h("li", { class: "tl-date", text: d })); lastDate = d; }
      if (it.kind === "event") {
        const card = eventCard(it.v, {});
        card.querySelector(".meta").prepend(badge(t("entity." + it.role), "role"), " ");
        timeline.appendChild(card);
      } else timeline.appendChild(quoteCard(it.v, {}));
    }
    const direct = e.quotes_by.filter((q) => q.kind === "direct").length;
    const nEvents = e.events_as_actor.length + e.events_as_recipient.length;
    const filter = h("div", { class: "chips", role: "group", "aria-label": t("entity.timeline") },
      [["all", t("filter.all")], ["event", t("filter.events")], ["quote", t("filter.quotes")], ["direct", t("quote.direct")]].map(([k, label]) =>
        h("button", { type: "button", class: "chip" + (k === "all" ? " active" : ""), "aria-pressed": String(k === "all"), dataset: { filter: k },
          onclick: (ev) => {
            for (const b of ev.currentTarget.parentNode.children) { b.classList.toggle("active", b === ev.currentTarget); b.setAttribute("aria-pressed", String(b === ev.currentTarget)); }
            for (const li of timeline.children) {
              if (li.classList.contains("tl-date")) continue;
              const isEvent = li.classList.contains("event");
              li.hidden = k === "event" ? !isEvent : k === "quote" ? isEvent : k === "direct" ? (isEvent || li.dataset.kind !== "direct") : false;
            }
          } }, label)));
    const docs = new Map();
    for (const m of e.mentions) { const d = docs.get(m.doc_id) || { title: m.title, n: 0 }; d.n++; docs.set(m.doc_id, d); }
    const neighbours = h("ul", { class: "plain neighbours" }, e.neighbours.map((n) => h("li", {}, entityChip(n), " ",
      n.types.map((ty) => badge(ty, "quad-" + (QUAD_OF[ty] || "other"))), " ",
      h("span", { class: "muted" }, (n.events ? `${n.events} ${t("entity.events_count")} · ` : "") + `${n.documents} ${t("entity.codocs")}`))));
    return [
      h("h1", {}, nameOf(e), " ", typeBadge(e.type)),
      h("p", { class: "muted" }, e.id, " · ", h("a", { href: "#/graph?" + qs({ focus: e.id }) }, t("entity.in_graph"))),
      h("div", { class: "entity-layout" },
        h("div", {},
          section(t("chart.timeline"), bucketButtons, chartBox),
          section(`${t("entity.timeline")} — ${direct} ${t("entity.direct_count")}, ${e.quotes_by.length - direct} ${t("entity.indirect_count")}, ${nEvents} ${t("entity.events_count")}`,
            filter, items.length ? timeline : h("p", { class: "muted", text: t("none") })),
          e.quotes_about.length ? section(`${t("entity.about")} (${e.quotes_about.length})`,
            h("ol", { class: "quotes" }, e.quotes_about.map((q) => quoteCard(q, {})))) : null),
        h("aside", {},
          section(t("entity.names"), names, h("h3", { text: t("entity.aliases") }),
            h("div", { class: "chips" }, e.aliases.map((a) => h("span", { class: "chip plain", text: a })))),
          section(t("entity.roles"), roles),
          section(t("entity.neighbours"), e.neighbours.length ? neighbours : h("p", { class: "muted", text: t("none") })),
          section(t("entity.mentions"), h("ul", { class: "plain" }, [...docs].map(([id, d]) =>
            h("li", {}, h("a", { href: docLink(id) }, d.title || id), h("span", { class: "muted" }, ` ×${d.n}`))))))),
    ];
  }

  // ---- events ---------------------------------------------------------------------------------
  const allTypes = () => Object.values(QUADS).flat();
  async function viewEvents(_, params) {
    const f = {};
    for (const k of ["type", "actor", "recipient", "speaker", "place", "since", "until", "language"]) f[k] = params.get(k) || "";
    const offset = Number(params.get("offset") || 0);
    // a name that names nothing (422, with the nearest names) is said where the list would be,
    // under the form that holds it
    let page = null, facets = null, unknown = null;
    try {
      [page, facets] = await Promise.all([api("/api/events?" + qs({ ...f, limit: 50, offset })), api("/api/events/facets?" + qs(f))]);
    } catch (err) {
      unknown = unknownName(err);
      if (!unknown) throw err;
    }
    const field = (k, input) => h("label", {}, h("span", { text: t("events." + k) }), input);
    const form = h("form", { class: "filters", onsubmit: (ev) => {
      ev.preventDefault();
      const data = Object.fromEntries(new FormData(ev.currentTarget).entries());
      go("#/events?" + qs(data));
    } },
      field("type", h("select", { name: "type" }, h("option", { value: "", text: t("filter.all") }),
        f.type && !allTypes().includes(f.type) ? h("option", { value: f.type, selected: true, text: f.type }) : null,
        allTypes().map((ty) => h("option", { value: ty, selected: ty === f.type, text: ty })))),
      ["actor", "recipient", "speaker", "place"].map((k) => field(k, h("input", { name: k, value: f[k], type: "text", size: "14" }))),
      field("since", h("input", { name: "since", value: f.since, type: /^\d{4}-\d{2}-\d{2}$/.test(f.since) || !f.since ? "date" : "text", size: "10" })),
      field("until", h("input", { name: "until", value: f.until, type: /^\d{4}-\d{2}-\d{2}$/.test(f.until) || !f.until ? "date" : "text", size: "10" })),
      field("language", h("select", { name: "language" }, ["", "uk", "ru", "en"].map((l) => h("option", { value: l, selected: l === f.language, text: l || t("filter.all") })))),
      h("button", { type: "submit", text: t("events.apply") }));
    const graphLinks = [h("a", { class: "button", href: "/api/export/graph.graphml?" + qs(f), download: "" }, "GraphML"), " ",
      h("a", { class: "button", href: "/api/export/graph.gexf?" + qs(f), download: "" }, "GEXF")];
    return [h("h1", { text: t("nav.events") }),
      h("div", { class: "list-layout" },
        h("div", {},
          section(t("graph.filters"), form, exportBar("events", f, graphLinks)),
          unknown ? h("section", { class: "card error", role: "alert" }, unknown)
            : section(`${t("nav.events")} (${facets.total})`, h("ol", { class: "events" }, page.items.map((ev) => eventCard(ev, {}))),
              pager(page, (o) => go("#/events?" + qs({ ...f, offset: o }))))),
        h("aside", {}, facets ? facetPanel(facets, params, "#/events?") : null))];
  }

  // ---- quotes ---------------------------------------------------------------------------------
  async function viewQuotes(_, params) {
    const f = { speaker: params.get("speaker") || "", about: params.get("about") || "" };
    const offset = Number(params.get("offset") || 0);
    const [page, facets] = await Promise.all([api("/api/quotes?" + qs({ ...f, limit: 50, offset })), api("/api/quotes/facets?" + qs(f))]);
    const form = h("form", { class: "filters", onsubmit: (ev) => {
      ev.preventDefault();
      go("#/quotes?" + qs(Object.fromEntries(new FormData(ev.currentTarget).entries())));
    } },
      h("label", {}, h("span", { text: t("quote.speaker") }), h("input", { name: "speaker", value: f.speaker, type: "text", size: "16" })),
      h("label", {}, h("span", { text: t("quotes.about") }), h("input", { name: "about", value: f.about, type: "text", size: "16" })),
      h("button", { type: "submit", text: t("events.apply") }));
    return [h("h1", { text: t("nav.quotes") }),
      h("div", { class: "list-layout" },
        h("div", {},
          section(t("graph.filters"), form, exportBar("quotes", f)),
          section(`${t("nav.quotes")} (${facets.total})`, page.items.length ? h("ol", { class: "quotes" }, page.items.map((q) => quoteCard(q, {})))
            : h("p", { class: "muted", text: t("none") }), pager(page, (o) => go("#/quotes?" + qs({ ...f, offset: o }))))),
        h("aside", {}, facetPanel(facets, params, "#/quotes?")))];
  }

  // ---- graph ----------------------------------------------------------------------------------
  let cy = null;
  /** The months from one ISO date's to another's, as "YYYY-MM". */
  function monthsBetween(a, b) {
    const out = [];
    let [y, m] = a.slice(0, 7).split("-").map(Number);
    const [y2, m2] = b.slice(0, 7).split("-").map(Number);
    while ((y < y2 || (y === y2 && m <= m2)) && out.length < 1200) {
      out.push(`${y}-${String(m).padStart(2, "0")}`);
      if (++m > 12) { m = 1; y++; }
    }
    return out;
  }
  const monthEnd = (ym) => { const [y, m] = ym.split("-").map(Number); return `${ym}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`; };
  const monthText = (ym) => new Date(ym + "-01T00:00:00Z").toLocaleDateString(locale(), { month: "short", year: "numeric", timeZone: "UTC" });

  async function viewGraph(_, params) {
    const chosen = new Set((params.get("types") || allTypes().join(",")).split(",").filter(Boolean));
    let since = params.get("since") || "", until = params.get("until") || "";
    const focus = params.get("focus") || "";
    const graphUrl = () => "/api/graph?" + qs({ type: [...chosen].join(","), since, until, entity: focus, evidence: 5 });
    const [g, stats] = await Promise.all([api(graphUrl()), api("/api/stats")]);
    const typeBoxes = Object.entries(QUADS).map(([quad, types]) => h("fieldset", { class: "quad" },
      h("legend", {}, h("span", { class: "swatch quad-bg-" + quad }), t("quad." + quad)),
      types.map((ty) => h("label", { class: "check" }, h("input", { type: "checkbox", name: "types", value: ty, checked: chosen.has(ty) }), ty))));
    const isDay = (d) => /^\d{4}-\d{2}-\d{2}$/.test(d);
    const sinceInput = h("input", { type: "date", name: "since", value: isDay(since) ? since : "" });
    const untilInput = h("input", { type: "date", name: "until", value: isDay(until) ? until : "" });
    const form = h("form", { class: "graph-filters", onsubmit: (ev) => {
      ev.preventDefault();
      const fd = new FormData(ev.currentTarget);
      go("#/graph?" + qs({ types: fd.getAll("types").join(","), since: fd.get("since"), until: fd.get("until"), focus: fd.get("focus") }));
    } },
      h("h2", { text: t("graph.filters") }),
      h("div", { class: "toggles" },
        h("button", { type: "button", class: "link", onclick: (ev) => { for (const c of ev.currentTarget.form.querySelectorAll("[name=types]")) c.checked = true; } }, t("graph.all")), " · ",
        h("button", { type: "button", class: "link", onclick: (ev) => { for (const c of ev.currentTarget.form.querySelectorAll("[name=types]")) c.checked = false; } }, t("graph.none"))),
      typeBoxes,
      h("fieldset", {}, h("legend", { text: t("graph.dates") }),
        h("label", {}, h("span", { text: t("events.since") }), sinceInput),
        h("label", {}, h("span", { text: t("events.until") }), untilInput)),
      h("label", {}, h("span", { text: t("graph.focus") }), h("input", { type: "text", name: "focus", value: focus, size: "14" })),
      h("button", { type: "submit", text: t("graph.apply") }));

    // the time slider: two months, from and until, over the stored publication dates; moving either
    // asks /api/graph again and redraws in place (the filters and the slider keep their focus)
    const first = stats.published && stats.published.first, last = stats.published && stats.published.last;
    let slider = null;
    if (first && last && /^\d{4}-\d{2}/.test(first) && /^\d{4}-\d{2}/.test(last)) {
      const lo = [first, since].filter((d) => /^\d{4}-\d{2}/.test(d)).sort()[0];
      const hi = [last, until].filter((d) => /^\d{4}-\d{2}/.test(d)).sort().slice(-1)[0];
      const months = monthsBetween(lo, hi);
      if (months.length >= 2) {
        const at = (d, dflt) => { const i = months.indexOf((d || "").slice(0, 7)); return i < 0 ? dflt : i; };
        const from = h("input", { type: "range", id: "slider-from", min: 0, max: months.length - 1, step: 1, value: at(since, 0), "aria-label": t("graph.from") });
        const to = h("input", { type: "range", id: "slider-until", min: 0, max: months.length - 1, step: 1, value: at(until, months.length - 1), "aria-label": t("graph.to") });
        const shown = h("output", { id: "slider-label", for: "slider-from slider-until" });
        const label = () => { shown.textContent = `${monthText(months[+from.value])} – ${monthText(months[+to.value])}`; };
        let timer = null;
        const moved = (ev) => {
          if (+from.value > +to.value) { if (ev.currentTarget === from) to.value = from.value; else from.value = to.value; }
          label();
          clearTimeout(timer);
          timer = setTimeout(async () => {
            since = +from.value === 0 ? "" : months[+from.value] + "-01";
            until = +to.value === months.length - 1 ? "" : monthEnd(months[+to.value]);
            sinceInput.value = since; untilInput.value = until;
            const next = new URLSearchParams(params);
            for (const [k, v] of [["since", since], ["until", until]]) if (v) next.set(k, v); else next.delete(k);
            history.replaceState(null, "", "#/graph?" + next.toString());
            const seq = ++graphSeq;
            const g2 = await api(graphUrl());
            if (seq !== graphSeq) return;
            fill(g2);
            viewGraph.after();
          }, 250);
        };
        from.addEventListener("input", moved); to.addEventListener("input", moved);
        from.addEventListener("change", moved); to.addEventListener("change", moved);
        label();
        slider = h("div", { class: "card slider", role: "group", "aria-label": t("graph.period") },
          h("h2", {}, t("graph.period"), ": ", shown),
          h("label", {}, h("span", { text: t("graph.from") }), from),
          h("label", {}, h("span", { text: t("graph.to") }), to),
          h("div", { class: "slider-ends muted" }, h("span", { text: monthText(months[0]) }), h("span", { text: monthText(months[months.length - 1]) })));
      }
    }

    const panel = h("div", { class: "evidence-panel", id: "evidence", "aria-live": "polite" }, h("p", { class: "muted", text: t("graph.pick") }));
    const mainCard = h("div", { class: "card graph-main" });
    let graphSeq = 0;
    /** The drawn graph and its edge list, for an answer of /api/graph. */
    function fill(g) {
      const names = new Map(g.nodes.map((n) => [n.id, n]));
      const edgeLabel = (e) => `${nameOf(names.get(e.source))} → ${nameOf(names.get(e.target))}`;
      const edgeList = h("ol", { class: "edge-list" }, g.edges.map((e, i) => h("li", {},
        h("button", { type: "button", class: "edge-btn", id: "edge-" + i, dataset: { edge: String(i), type: e.type, source: e.source, target: e.target },
          onclick: () => selectEdge(i) },
          h("span", { class: "swatch quad-bg-" + e.quad }), edgeLabel(e), " ", h("span", { class: "badge quad-" + e.quad, text: e.type }), ` ×${e.count}`))));
      const canvas = h("div", { id: "cy", role: "img", "aria-label": t("nav.graph") });

      function selectEdge(i) {
        const e = g.edges[i];
        if (cy) { cy.elements().removeClass("selected-edge"); cy.getElementById("e" + i).addClass("selected-edge"); }
        for (const b of edgeList.querySelectorAll(".edge-btn")) b.setAttribute("aria-pressed", String(b.dataset.edge === String(i)));
        panel.replaceChildren(...[
          h("h2", {}, edgeLabel(e), " ", h("span", { class: "badge quad-" + e.quad, text: e.type }), ` ×${e.count}`),
          h("p", { class: "muted", text: t("quad." + e.quad) }),
          h("ol", { class: "evidence-list" }, e.evidence.map((ev) => h("li", {},
            h("blockquote", { class: "evidence", text: ev.text || "" }),
            h("div", { class: "meta" },
              ev.mode ? badge(ev.mode, "") : null, ev.amount ? h("strong", { class: "amount" }, fmtAmount(ev.amount.value, ev.amount.unit) + " ") : null,
              ev.factuality && ev.factuality !== "asserted" ? badge(t("fact." + ev.factuality), "fact") : null, " ",
              h("a", { href: docLink(ev.doc_id, `${ev.start}-${ev.end}`) }, ev.title || ev.doc_id), " ", dateText(ev.date))))),
          e.count > e.evidence.length ? h("p", {}, h("a", { href: "#/events?" + qs({ type: e.type, actor: e.source, recipient: e.target, since, until }) }, `${t("nav.events")} (${e.count}) →`)) : null,
          h("p", {}, h("a", { href: entLink(e.source) }, nameOf(names.get(e.source))), " · ", h("a", { href: entLink(e.target) }, nameOf(names.get(e.target))))].filter(Boolean));
      }
      mainCard.replaceChildren(g.edges.length ? canvas : h("p", { text: t("graph.empty") }),
        h("h2", { text: `${t("graph.edges")} (${g.edges.length}${g.total_edges > g.edges.length ? " / " + g.total_edges : ""})` }), edgeList);
      mainCard.dataset.edges = String(g.edges.length);
      viewGraph.state = { g, canvas, selectEdge, names, panel };
    }
    fill(g);
    return [
      h("h1", { text: t("nav.graph") + (focus ? ": " + focus : "") }),
      h("div", { class: "graph-layout" },
        h("aside", { class: "card" }, form),
        h("div", {}, slider, mainCard),
        h("aside", { class: "card" }, h("h2", { text: t("graph.evidence") }), panel)),
    ];
  }
  viewGraph.after = () => {
    const { g, canvas, selectEdge, names } = viewGraph.state;
    if (cy) { cy.destroy(); cy = null; }
    if (!g.edges.length || typeof window.cytoscape !== "function") return;
    const degree = new Map();
    for (const e of g.edges) for (const id of [e.source, e.target]) degree.set(id, (degree.get(id) || 0) + e.count);
    cy = window.cytoscape({
      container: canvas,
      elements: [
        ...g.nodes.map((n) => ({ data: { id: n.id, label: nameOf(n), type: n.type, weight: degree.get(n.id) || 1 } })),
        ...g.edges.map((e, i) => ({ data: { id: "e" + i, idx: i, source: e.source, target: e.target, label: e.type, color: QUAD_COLOR[e.quad] || QUAD_COLOR.other, width: Math.min(1.5 + e.count, 9) } })),
      ],
      style: [
        { selector: "node", style: { label: "data(label)", "font-size": 15, "min-zoomed-font-size": 0, "text-valign": "bottom", "text-margin-y": 4, color: "#222",
          "background-color": (n) => TYPE_COLOR[n.data("type")] || "#666", width: (n) => 14 + Math.min(n.data("weight"), 20) * 1.5, height: (n) => 14 + Math.min(n.data("weight"), 20) * 1.5,
          "text-background-color": "#fff", "text-background-opacity": 0.8, "text-background-padding": 1 } },
        { selector: "edge", style: { "curve-style": "bezier", "target-arrow-shape": "triangle", "line-color": "data(color)", "target-arrow-color": "data(color)",
          width: "data(width)", label: "data(label)", "font-size": 11, color: "#333", "text-rotation": "autorotate", "text-background-color": "#fff", "text-background-opacity": 0.7, opacity: 0.85 } },
        { selector: "edge.selected-edge", style: { opacity: 1, "underlay-color": "#ffd400", "underlay-opacity": 0.6, "underlay-padding": 4 } },
      ],
      layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 200000, idealEdgeLength: () => 80,
        nodeOverlap: 40, componentSpacing: 60, gravity: 0.3, numIter: 1500, padding: 30 },
    });
    cy.on("tap", "edge", (ev) => selectEdge(ev.target.data("idx")));
    cy.on("tap", "node", (ev) => {
      const n = names.get(ev.target.id());
      viewGraph.state.panel.replaceChildren(h("h2", { text: nameOf(n) }), h("p", {}, typeBadge(n.type)),
        h("p", {}, h("a", { href: entLink(n.id) }, t("graph.node") + " →")),
        h("p", {}, h("a", { href: "#/graph?" + qs({ focus: n.id }) }, t("entity.in_graph") + " →")));
    });
    window.ngCy = cy; // for tests and the console
  };

  // the helpers the views of other files (map.js) build with
  window.NG = { h, s, t, api, qs, go, enc, nameOf, nameWithOriginal, section, badge, typeBadge, docLink, entLink, docList, eventCard,
    fmtNum, dateText, allTypes, lang: () => lang };

  // ---- start ----------------------------------------------------------------------------------
  document.getElementById("search-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = document.getElementById("q").value.trim();
    if (q) go("#/search?" + qs({ q }));
  });
  for (const b of document.querySelectorAll("[data-lang]")) b.addEventListener("click", () => {
    lang = b.dataset.lang;
    localStorage.setItem("ng.lang", lang);
    applyStatic();
    route();
  });
  document.addEventListener("keydown", (ev) => {
    const tag = (ev.target.tagName || "").toLowerCase();
    if (ev.key === "/" && !["input", "textarea", "select"].includes(tag) && !ev.target.isContentEditable) {
      ev.preventDefault();
      document.getElementById("q").focus();
    }
  });
  window.addEventListener("hashchange", route);
  applyStatic();
  route();
})();
