/* newsgraph explorer: the map view (#/map). Leaflet (vendor/leaflet.js) draws the boundaries of
 * static/geo/ (Natural Earth) on a plain background, with no tile server, and a circle per place of
 * /api/map sized by its stories or events; a click lists the place's events and stories.
 * Safety as in app.js: text goes in through text nodes only (the tooltips are DOM elements, never
 * HTML strings), links are built from ids with encodeURIComponent. */
"use strict";
(function () {
  const KIND_COLOR = { country: "#b5651d", city: "#1d5fa8", region: "#2a9d8f", other: "#777777" };
  const FILTERS = ["type", "since", "until", "language", "site"];
  // events and stories a place's panel reads at a time (each); NG_MAP_PAGE lets a test page sooner
  const panelPage = () => Number(window.NG_MAP_PAGE) || 50;
  let boundaries = null; // the GeoJSON, fetched once
  let lmap = null; // the Leaflet map on the page
  const loadBoundaries = () => boundaries || (boundaries = Promise.all(
    ["/static/geo/countries.geojson", "/static/geo/ukraine-admin1.geojson"].map((u) => fetch(u).then((r) => {
      if (!r.ok) throw new Error(`${u}: ${r.status}`);
      return r.json();
    }))).catch((e) => { boundaries = null; throw e; }));

  const kindOf = (p) => (p.kind && KIND_COLOR[p.kind] ? p.kind : "other");

  async function viewMap(_, params) {
    const { h, t, api, qs, go, nameOf, section, fmtNum, allTypes, lang } = window.NG;
    if (lmap) { lmap.remove(); lmap = null; }
    const f = {};
    for (const k of FILTERS) f[k] = params.get(k) || "";
    const size = params.get("size") === "events" ? "events" : "stories";
    const [data, geo] = await Promise.all([api("/api/map?" + qs({ ...f, lang: lang() })), loadBoundaries()]);
    const field = (label, input) => h("label", {}, h("span", { text: label }), input);
    const isDay = (d) => /^\d{4}-\d{2}-\d{2}$/.test(d) || !d;
    const form = h("form", { class: "filters", onsubmit: (ev) => {
      ev.preventDefault();
      go("#/map?" + qs(Object.fromEntries(new FormData(ev.currentTarget).entries())));
    } },
      field(t("events.type"), h("select", { name: "type" }, h("option", { value: "", text: t("filter.all") }),
        f.type && !allTypes().includes(f.type) ? h("option", { value: f.type, selected: true, text: f.type }) : null,
        allTypes().map((ty) => h("option", { value: ty, selected: ty === f.type, text: ty })))),
      field(t("events.since"), h("input", { name: "since", value: f.since, type: isDay(f.since) ? "date" : "text", size: "10" })),
      field(t("events.until"), h("input", { name: "until", value: f.until, type: isDay(f.until) ? "date" : "text", size: "10" })),
      field(t("events.language"), h("select", { name: "language" }, ["", "uk", "ru", "en"].map((l) =>
        h("option", { value: l, selected: l === f.language, text: l ? t("lang." + l) : t("filter.all") })))),
      field(t("map.site"), h("input", { name: "site", value: f.site, type: "text", size: "16" })),
      field(t("map.size"), h("select", { name: "size" }, ["stories", "events"].map((k) =>
        h("option", { value: k, selected: k === size, text: t("map." + k) })))),
      h("button", { type: "submit", text: t("map.apply") }));

    const shown = data.places.filter((p) => p[size] > 0);
    const canvas = h("div", { id: "map", class: "map-canvas", role: "region", "aria-label": t("nav.map"),
      dataset: { places: String(shown.length) } });
    const panel = h("div", { class: "map-panel", id: "map-place", "aria-live": "polite" }, h("p", { class: "muted", text: t("map.pick") }));
    const count = (p) => `${fmtNum(p.stories)} ${t("map.stories").toLowerCase()} · ${fmtNum(p.events)} ${t("map.events").toLowerCase()}`;
    const list = h("ol", { class: "map-list" }, shown.map((p) => h("li", {},
      h("button", { type: "button", class: "link place-btn", dataset: { place: p.id, kind: kindOf(p) },
        onclick: () => select(p.id) }, nameOf(p)), " ", h("span", { class: "muted", text: count(p) }))));
    const unplaced = data.unplaced_total ? h("details", { class: "unplaced" },
      h("summary", { id: "map-unplaced", dataset: { n: String(data.unplaced_total) } },
        `${fmtNum(data.unplaced_total)} ${t("map.unplaced")}`),
      h("div", { class: "chips" }, data.unplaced.map((p) =>
        h("a", { class: "chip etype-" + p.type, href: window.NG.entLink(p.id) }, `${nameOf(p)} · ${count(p)}`)))) : null;
    const legend = h("ul", { class: "chart-legend map-legend" }, ["country", "city", "region"].map((k) =>
      h("li", {}, h("span", { class: "map-dot", dataset: { kind: k } }), t("map.kind." + k))));

    async function select(id) {
      for (const b of list.querySelectorAll(".place-btn")) b.setAttribute("aria-pressed", String(b.dataset.place === id));
      if (lmap) lmap.eachLayer((l) => { if (l.options && l.options.placeId) l.setStyle({ weight: l.options.placeId === id ? 3 : 1 }); });
      const limit = panelPage();
      const pageAt = (offset) => api("/api/map/places/" + encodeURIComponent(id) + "?" +
        qs({ ...f, lang: lang(), limit, offset }));
      const d = await pageAt(0);
      const p = d.place;
      const events = h("ol", { class: "events" }, d.events.map((ev) => window.NG.eventCard(ev, {})));
      const docs = window.NG.docList(d.documents);
      const status = h("p", { class: "muted small", role: "status" });
      // the next page of both lists, appended: the panel keeps what it shows and where it was scrolled
      let next = d.next_offset;
      const more = h("button", { type: "button", id: "map-more", onclick: async () => {
        more.disabled = true;
        status.textContent = t("loading");
        try {
          const page = await pageAt(next);
          events.append(...page.events.map((ev) => window.NG.eventCard(ev, {})));
          docs.append(...window.NG.docList(page.documents).children);
          next = page.next_offset;
          status.textContent = "";
        } catch (e) {
          status.textContent = `${t("error")}: ${e.message}`;
        }
        more.disabled = false;
        more.hidden = next === null || next === undefined;
      } }, t("map.more"));
      more.hidden = next === null || next === undefined;
      panel.replaceChildren(
        h("h2", {}, nameOf(p), " ", window.NG.badge(t("map.kind." + kindOf(p)), "kind")),
        h("p", { class: "muted", text: `${count(p)} · ${fmtNum(p.mentions)} ${t("map.mentions")}` }),
        h("p", {}, h("a", { href: window.NG.entLink(p.id) }, t("map.entity") + " →")),
        h("h3", { text: `${t("map.here")} (${fmtNum(p.events)})` }),
        d.events.length ? events : h("p", { class: "muted", text: t("map.no_events") }),
        h("h3", { text: `${t("map.naming")} (${fmtNum(p.stories)})` }),
        docs, more, status);
      panel.dataset.place = p.id;
    }

    viewMap.state = { data, geo, canvas, select, size, shown };
    return [
      h("h1", { text: t("map.title") }),
      h("div", { class: "list-layout map-layout" },
        h("div", {},
          section(t("graph.filters"), form),
          h("section", { class: "card" },
            h("h2", {}, `${t("nav.map")}: ${fmtNum(shown.length)} ${t("map.placed")}`),
            shown.length ? null : h("p", { class: "muted", text: t("map.empty") }),
            canvas, legend, unplaced,
            h("p", { class: "muted small", text: t("map.sources") })),
          section(t("map.places"), shown.length ? list : h("p", { class: "muted", text: t("map.empty") }))),
        h("aside", {}, h("section", { class: "card" }, panel))),
    ];
  }

  viewMap.after = () => {
    const { h, nameOf, t, fmtNum } = window.NG;
    const { data, geo, canvas, select, size, shown } = viewMap.state;
    if (typeof window.L !== "object") return;
    if (lmap) lmap.remove();
    const L = window.L;
    lmap = L.map(canvas, { minZoom: 1, maxZoom: 10, zoomSnap: 0.5, worldCopyJump: true, attributionControl: true });
    lmap.attributionControl.setPrefix(false);
    lmap.attributionControl.addAttribution("Leaflet · Natural Earth · GeoNames");
    lmap.createPane("places").style.zIndex = 450;
    // the view first (layers added to a map without one are drawn only once it has one): the places
    // nearest the weighted centre of all that hold 80% of the count, so that a story about Japan does
    // not zoom Europe's crowd out to a world map; the rest are a zoom out (and in the list) away
    if (shown.length) {
      const total = shown.reduce((a, p) => a + p[size], 0);
      const lat0 = shown.reduce((a, p) => a + p.lat * p[size], 0) / total;
      const lon0 = shown.reduce((a, p) => a + p.lon * p[size], 0) / total;
      const k = Math.cos(lat0 * Math.PI / 180);
      const near = [...shown].sort((a, b) => Math.hypot(a.lat - lat0, (a.lon - lon0) * k) - Math.hypot(b.lat - lat0, (b.lon - lon0) * k));
      const core = [];
      for (let acc = 0, i = 0; i < near.length && acc < 0.8 * total; i++) { core.push(near[i]); acc += near[i][size]; }
      lmap.fitBounds(L.latLngBounds(core.map((p) => [p.lat, p.lon])).pad(0.2), { maxZoom: 6 });
    } else lmap.setView([49, 31], 4);
    const byId = new Map(data.places.map((p) => [p.id, p]));
    const max = Math.max(1, ...shown.map((p) => p[size]));
    // the boundaries, a place's polygon shaded by its count where it has one
    const shade = (feature) => {
      const p = byId.get(feature.properties.id);
      const v = p ? p[size] : 0;
      return { color: "#8c959f", weight: 0.6, fillColor: v ? "#e7b98a" : "#f7f5f0", fillOpacity: v ? 0.25 + 0.5 * Math.sqrt(v / max) : 1 };
    };
    const [countries, admin1] = geo;
    L.geoJSON(countries, { style: shade, interactive: false }).addTo(lmap);
    L.geoJSON(admin1, { style: (ft) => ({ ...shade(ft), color: "#a7aeb5", weight: 0.5 }), interactive: false }).addTo(lmap);
    // the places: biggest first, so that a small circle on top of a big one can still be clicked
    for (const p of [...shown].sort((a, b) => b[size] - a[size])) {
      const r = 4 + 20 * Math.sqrt(p[size] / max);
      const c = L.circleMarker([p.lat, p.lon], { pane: "places", radius: r, color: "#30363d", weight: 1,
        fillColor: KIND_COLOR[kindOf(p)], fillOpacity: 0.7, placeId: p.id, className: "place-circle" });
      const tip = h("div", {}, h("strong", { text: nameOf(p) }), h("br"),
        `${fmtNum(p.stories)} ${t("map.stories").toLowerCase()} · ${fmtNum(p.events)} ${t("map.events").toLowerCase()}`);
      c.bindTooltip(tip, { direction: "top", offset: [0, -r] });
      c.on("click", () => select(p.id));
      c.addTo(lmap);
      const el = c.getElement();
      if (el) { el.dataset.place = p.id; el.dataset.value = String(p[size]); el.dataset.radius = r.toFixed(1); }
    }
    window.ngMap = lmap; // for tests and the console
  };

  window.NG_VIEWS = Object.assign(window.NG_VIEWS || {}, { map: viewMap });
})();
