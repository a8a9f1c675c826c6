// eventwire's analyst page: map, timeline, actor graph, table and evidence, all from the JSON API.
// Article text is untrusted: every piece of it goes into the DOM through textContent, never innerHTML.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const FILTERS = ["type", "actor", "country", "dyad", "since", "until", "text", "status", "min_confidence"];
const QUAD_COLOURS = {
  verbal_cooperation: "#66bb6a", material_cooperation: "#1b5e20",
  verbal_conflict: "#ffa726", material_conflict: "#c62828", other: "#78909c",
};
const TYPE_PALETTE = ["#c62828", "#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#ad1457", "#4e342e",
  "#9e9d24", "#283593", "#d84315", "#00695c", "#5d4037", "#7b1fa2", "#0277bd", "#558b2f"];
// Date precision shows as fill opacity: a day is solid, a year faint.
const DATE_OPACITY = { day: 0.85, week: 0.6, month: 0.4, year: 0.25 };
const PLACE_PRECISION = { 1: "town", 2: "near a town / site", 3: "district", 4: "region", 5: "area (approximate)",
  6: "country centroid", 7: "water / airspace" };
const PAGE = 50;
const POLL_MS = 4000;

const state = { filters: {}, sort: "date", offset: 0, selected: null, lastSeq: null, world: null, typeColours: {} };

// -- DOM helpers: text only ------------------------------------------------------------------
// Bidirectional controls (a right-to-left override turns "gnp.exe" into "exe.png" on screen) are shown as their code.
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
function visible(text) {
  return String(text ?? "").replace(BIDI_CONTROLS, (char) => `⟨U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}⟩`);
}
function txt(text) { return document.createTextNode(visible(text)); }
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) node.append(child instanceof Node ? child : txt(child));
  return node;
}
function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  return node;
}
function tooltip(node, text) { const title = svg("title"); title.textContent = visible(text); node.append(title); return node; }
function clear(node) { while (node.firstChild) node.firstChild.remove(); return node; }
const $ = (selector) => document.querySelector(selector);

// -- URL state -------------------------------------------------------------------------------
function readUrl() {
  const params = new URLSearchParams(location.search);
  state.filters = {};
  for (const name of FILTERS) if (params.get(name)) state.filters[name] = params.get(name);
  state.sort = params.get("sort") || "date";
  state.offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
  state.selected = params.get("event");
  for (const name of FILTERS) { const input = $(`#filters [name="${name}"]`); if (input) input.value = state.filters[name] || ""; }
}
function writeUrl() {
  const params = new URLSearchParams(state.filters);
  if (state.sort !== "date") params.set("sort", state.sort);
  if (state.offset) params.set("offset", state.offset);
  if (state.selected) params.set("event", state.selected);
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
  const link = $("#sitrep-link");
  const country = state.filters.country;
  link.hidden = !country;
  if (country) {
    const report = new URLSearchParams({ country });
    for (const name of ["since", "until"]) if (state.filters[name]) report.set(name, state.filters[name]);
    link.href = `/sitrep?${report}`;
  }
}

// -- API ---------------------------------------------------------------------------------------
async function api(path, extra = {}) {
  const params = new URLSearchParams({ ...state.filters, ...extra });
  const response = await fetch(`${path}?${params}`, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) {
    const detail = Array.isArray(body.detail)
      ? body.detail.map((error) => `${error.loc[error.loc.length - 1]}: ${error.msg}`).join("; ")
      : body.detail;
    throw new Error(detail || response.statusText);
  }
  return body;
}
function showError(error) {
  const box = $("#error");
  box.hidden = !error;
  box.textContent = error ? `error: ${error.message}` : "";
}

// -- cues --------------------------------------------------------------------------------------
function dateCue(row) {
  if (!row.date_value) return row.published_at ? `published ${row.published_at}` : "undated";
  return row.date_precision && row.date_precision !== "day" ? `${row.date_value} (${row.date_precision})` : row.date_value;
}
function placeCue(row) {
  if (!row.location_name && !row.location_country) return "";
  const precision = PLACE_PRECISION[row.location_precision] || "";
  return `${row.location_name || row.location_country}${precision && row.location_precision > 1 ? ` (${precision})` : ""}`;
}
function party(row, role) { return row[`${role}_name`] || row[`${role}_text`] || row[`${role}_country`] || ""; }
function typeColour(type) {
  if (!(type in state.typeColours)) {
    state.typeColours[type] = TYPE_PALETTE[Object.keys(state.typeColours).length % TYPE_PALETTE.length];
  }
  return state.typeColours[type];
}

// -- map ---------------------------------------------------------------------------------------
const project = ([lon, lat]) => [((lon + 180) / 360) * 960, ((90 - lat) / 180) * 480];
function ringPath(ring) {
  return ring.map((point, index) => `${index ? "L" : "M"}${project(point).map((v) => v.toFixed(1)).join(",")}`).join("") + "Z";
}
function geometryPath(geometry) {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((polygon) => polygon.map(ringPath).join("")).join("");
}
async function loadWorld() {
  const topology = await (await fetch("/static/vendor/countries-110m.json")).json();
  state.world = topojson.feature(topology, topology.objects.countries).features;
}
function drawMap(collection) {
  const map = clear($("#map"));
  const basemap = svg("g");
  for (const country of state.world || []) {
    if (!country.geometry) continue;
    basemap.append(tooltip(svg("path", { class: "country", d: geometryPath(country.geometry) }), country.properties.name));
  }
  map.append(basemap);
  const points = collection.features.map((feature) => project(feature.geometry.coordinates));
  let [x0, y0, width, height] = [0, 0, 960, 480];
  if (points.length) {  // zoom to the events, keeping the 2:1 frame
    const xs = points.map((p) => p[0]), ys = points.map((p) => p[1]);
    width = Math.min(960, Math.max(80, (Math.max(...xs) - Math.min(...xs)) * 1.4, (Math.max(...ys) - Math.min(...ys)) * 2.8));
    height = width / 2;
    x0 = Math.min(960 - width, Math.max(0, (Math.max(...xs) + Math.min(...xs)) / 2 - width / 2));
    y0 = Math.min(480 - height, Math.max(0, (Math.max(...ys) + Math.min(...ys)) / 2 - height / 2));
  }
  map.setAttribute("viewBox", `${x0} ${y0} ${width} ${height}`);
  const unit = width / 960;
  const marks = svg("g");
  // Largest first, so small marks stay clickable on top.
  const order = collection.features.map((feature, index) => index)
    .sort((a, b) => (collection.features[b].properties.dead_best || 0) - (collection.features[a].properties.dead_best || 0));
  for (const index of order) {
    const p = collection.features[index].properties;
    const [x, y] = points[index];
    const approx = (p.location_precision || 1) >= 4;
    const colour = QUAD_COLOURS[p.quad_class] || QUAD_COLOURS.other;
    const radius = (4 + 2.5 * Math.sqrt(p.dead_best || 0)) * Math.max(unit, 0.15) * (approx ? 1.6 : 1);
    const mark = svg("circle", {
      class: `mark${approx ? " approx" : ""}${p.key === state.selected ? " selected" : ""}`,
      cx: x.toFixed(2), cy: y.toFixed(2), r: radius.toFixed(2), fill: colour, stroke: colour,
      "fill-opacity": DATE_OPACITY[p.date_precision] ?? 0.25, "data-key": p.key,
    });
    tooltip(mark, `${p.type} · ${dateCue(p)} · ${placeCue(p)} (place precision ${p.location_precision})` +
      `${p.dead_best ? ` · ${p.dead_best} dead` : ""}`);
    mark.addEventListener("click", () => selectEvent(p.key));
    marks.append(mark);
  }
  map.append(marks);
}
function drawMapLegend() {
  const legend = clear($("#map-legend"));
  for (const [quad, colour] of Object.entries(QUAD_COLOURS)) {
    const swatch = el("span", { class: "swatch" });
    swatch.style.background = colour;
    legend.append(el("li", {}, swatch, quad.replace("_", " ")));
  }
  legend.append(el("li", {}, el("span", { class: "swatch ring" }), "dashed ring: region, area or country point"));
  legend.append(el("li", {}, "faint fill: dated only to the week, month or year"));
}

// -- timeline ------------------------------------------------------------------------------------
function drawTimeline(rows, interval) {
  const chart = clear($("#timeline"));
  $("#interval").textContent = interval;
  const legend = clear($("#timeline-legend"));
  if (!rows.length) { chart.append(Object.assign(svg("text", { x: 10, y: 100, class: "axis" }), { textContent: "no dated events" })); return; }
  const periods = allPeriods([...new Set(rows.map((row) => row.period))].sort(), interval);
  const totals = {};
  for (const row of rows) totals[row.period] = (totals[row.period] || 0) + row.n;
  const max = Math.max(...Object.values(totals));
  const [left, top, width, height] = [30, 10, 920, 160];
  const step = width / periods.length;
  const stacked = {};
  for (const row of rows) {
    const index = periods.indexOf(row.period);
    const below = stacked[row.period] || 0;
    // The part dated more coarsely than a bar (a month on a daily axis) is drawn faint.
    const parts = [[row.n - (row.approximate || 0), ""], [row.approximate || 0, " approx"]];
    let offset = below;
    for (const [count, kind] of parts) {
      if (!count) continue;
      const barHeight = (count / max) * height;
      const bar = svg("rect", {
        class: `bar${kind}`, x: (left + index * step + step * 0.1).toFixed(1), width: Math.max(1, step * 0.8).toFixed(1),
        y: (top + height - offset - barHeight).toFixed(1), height: barHeight.toFixed(1), fill: typeColour(row.type),
        "data-period": row.period, "data-type": row.type,
      });
      const note = kind ? " dated only to a coarser period, or by publication" : "";
      chart.append(tooltip(bar, `${row.period} · ${row.type}: ${count}${note}`));
      offset += barHeight;
    }
    stacked[row.period] = offset;
  }
  for (const [index, period] of periods.entries()) {
    if (periods.length > 12 && index % Math.ceil(periods.length / 12)) continue;
    const label = svg("text", { class: "axis", x: (left + index * step).toFixed(1), y: top + height + 14 });
    label.textContent = period;
    chart.append(label);
  }
  const axis = svg("text", { class: "axis", x: 0, y: top + 8 });
  axis.textContent = String(max);
  chart.append(axis);
  for (const type of [...new Set(rows.map((row) => row.type))].sort()) {
    const swatch = el("span", { class: "swatch" });
    swatch.style.background = typeColour(type);
    legend.append(el("li", {}, swatch, type));
  }
  if (rows.some((row) => row.approximate)) legend.append(el("li", {}, "faint: dated only to a coarser period"));
  enableBrush(chart, periods, left, step, interval);
}
function nextPeriod(period, interval) {
  const day = new Date(`${period}T00:00:00Z`);
  if (interval === "month") day.setUTCMonth(day.getUTCMonth() + 1);
  else day.setUTCDate(day.getUTCDate() + (interval === "week" ? 7 : 1));
  return day.toISOString().slice(0, 10);
}
function allPeriods(present, interval) {
  // Every period from the first to the last, so gaps in time show as gaps (at most 400 bars).
  const periods = [present[0]];
  while (periods.length < 400 && periods[periods.length - 1] < present[present.length - 1]) {
    periods.push(nextPeriod(periods[periods.length - 1], interval));
  }
  return periods[periods.length - 1] === present[present.length - 1] ? periods : present;
}
function periodEnd(period, interval) {
  const day = new Date(`${period}T00:00:00Z`);
  if (interval === "week") day.setUTCDate(day.getUTCDate() + 6);
  if (interval === "month") { day.setUTCMonth(day.getUTCMonth() + 1); day.setUTCDate(0); }
  return day.toISOString().slice(0, 10);
}
function enableBrush(chart, periods, left, step, interval) {
  let start = null;
  const brush = svg("rect", { class: "brush", y: 0, height: 200, width: 0, x: 0 });
  chart.append(brush);
  const toX = (event) => {
    const box = chart.getBoundingClientRect();
    return ((event.clientX - box.left) / box.width) * 960;
  };
  chart.addEventListener("mousedown", (event) => { start = toX(event); brush.setAttribute("x", start); brush.setAttribute("width", 0); });
  chart.addEventListener("mousemove", (event) => {
    if (start === null) return;
    const x = toX(event);
    brush.setAttribute("x", Math.min(start, x));
    brush.setAttribute("width", Math.abs(x - start));
  });
  chart.addEventListener("mouseup", (event) => {
    if (start === null) return;
    const [a, b] = [start, toX(event)].sort((m, n) => m - n);
    start = null;
    const first = Math.max(0, Math.floor((a - left) / step));
    const last = Math.min(periods.length - 1, Math.floor((b - left) / step));
    if (last < first) return;
    state.filters.since = periods[first];
    state.filters.until = periodEnd(periods[last], interval);
    state.offset = 0;
    syncForm();
    refresh();
  });
}

// -- actor graph -----------------------------------------------------------------------------------
function drawGraph(graph) {
  const chart = clear($("#graph"));
  const nodes = graph.nodes.slice(0, 24);
  const keep = new Set(nodes.map((node) => node.id));
  if (!nodes.length) { chart.append(Object.assign(svg("text", { x: 10, y: 30, class: "axis" }), { textContent: "no actor → recipient pairs" })); return; }
  const position = {};
  nodes.forEach((node, index) => {
    const angle = (2 * Math.PI * index) / nodes.length - Math.PI / 2;
    position[node.id] = [240 + 150 * Math.cos(angle), 200 + 150 * Math.sin(angle)];
  });
  const most = Math.max(...graph.edges.map((edge) => edge.n));
  for (const edge of graph.edges) {
    if (!keep.has(edge.source) || !keep.has(edge.target)) continue;
    const [x1, y1] = position[edge.source], [x2, y2] = position[edge.target];
    const colour = edge.conflictual > edge.cooperative ? "#c62828" : edge.cooperative > edge.conflictual ? "#2e7d32" : "#78909c";
    // A bend to the right of the direction of action, so A→B and B→A stay apart; a loop for self-action.
    const d = edge.source === edge.target
      ? `M${x1},${y1} c-30,-40 30,-40 0,0`
      : `M${x1},${y1} Q${(x1 + x2) / 2 + (y2 - y1) * 0.15},${(y1 + y2) / 2 - (x2 - x1) * 0.15} ${x2},${y2}`;
    const path = svg("path", { class: "edge", d, stroke: colour, "stroke-width": (1 + 5 * (edge.n / most)).toFixed(1) });
    chart.append(tooltip(path, `${edge.source} → ${edge.target}: ${edge.n} (cooperative ${edge.cooperative}, conflictual ${edge.conflictual})`));
  }
  for (const node of nodes) {
    const [x, y] = position[node.id];
    const group = svg("g", { class: "node" });
    group.append(svg("circle", { cx: x, cy: y, r: (4 + 12 * Math.sqrt(node.n / nodes[0].n)).toFixed(1) }));
    const label = svg("text", { x: x + 8, y: y - 6 });
    label.textContent = visible(node.id);
    group.append(tooltip(label, `${node.id}: ${node.n} events`));
    group.addEventListener("click", () => { state.filters.actor = node.id; state.offset = 0; syncForm(); refresh(); });
    chart.append(group);
  }
}

// -- table -----------------------------------------------------------------------------------------
function drawTable(page) {
  const body = clear($("#events tbody"));
  for (const row of page.events) {
    const who = [party(row, "actor"), party(row, "recipient")].filter(Boolean).join(" → ");
    const tr = el("tr", { "data-key": row.key },
      el("td", {}, dateCue(row)), el("td", {}, row.type, el("span", { class: "cue" }, row.mode ? ` ${row.mode}` : "")),
      el("td", {}, who), el("td", {}, placeCue(row)), el("td", {}, row.dead_best ?? ""), el("td", {}, row.injured_best ?? ""),
      el("td", {}, row.status || ""), el("td", {}, row.confidence == null ? "" : row.confidence.toFixed(2)),
      el("td", { class: "evidence" }, row.evidence_sentence || ""));
    if (row.key === state.selected) tr.classList.add("selected");
    tr.addEventListener("click", () => selectEvent(row.key));
    body.append(tr);
  }
  $("#table-count").textContent = `${page.total} matching`;
  const first = page.total ? page.offset + 1 : 0;
  $("#page").textContent = `${first}–${page.offset + page.events.length} of ${page.total}`;
  $("#prev").disabled = page.offset === 0;
  $("#next").disabled = page.offset + page.events.length >= page.total;
  for (const th of document.querySelectorAll("th[data-sort]")) {
    th.classList.toggle("sorted-asc", state.sort === th.dataset.sort);
    th.classList.toggle("sorted-desc", state.sort === `-${th.dataset.sort}`);
  }
}

// -- event detail ------------------------------------------------------------------------------------
function highlighted(paragraph, event) {
  // The paragraph as text nodes, the evidence sentence in <mark> and the trigger in bold inside it.
  const box = el("div", { class: "paragraph" });
  const text = paragraph.text;
  const cut = (offset) => Math.min(text.length, Math.max(0, offset - paragraph.start));
  const [s0, s1] = [cut(event.evidence_start), cut(event.evidence_end)];
  const mark = el("mark");
  if (event.trigger_start != null && event.trigger_start >= event.evidence_start && event.trigger_end <= event.evidence_end) {
    const [t0, t1] = [cut(event.trigger_start), cut(event.trigger_end)];
    mark.append(txt(text.slice(s0, t0)), el("span", { class: "trigger" }, text.slice(t0, t1)), txt(text.slice(t1, s1)));
  } else {
    mark.append(txt(text.slice(s0, s1)));
  }
  box.append(txt(text.slice(0, s0)), mark, txt(text.slice(s1)));
  return box;
}
function facts(pairs) {
  const list = el("dl");
  for (const [name, value] of pairs) if (value !== null && value !== undefined && value !== "") list.append(el("dt", {}, name), el("dd", {}, value));
  return list;
}
async function showDetail(key) {
  const panel = clear($("#detail"));
  if (!key) { panel.append(el("p", { class: "hint" }, "Pick an event on the map or in the table to see its evidence.")); return; }
  let detail;
  try {
    const response = await fetch(`/api/events/${key.split("/").map(encodeURIComponent).join("/")}`);
    if (!response.ok) throw new Error(`event ${key}: ${response.status}`);
    detail = await response.json();
  } catch (error) { panel.append(el("p", {}, error.message)); return; }
  const event = detail.event;
  panel.append(el("h3", {}, `${event.type}${event.mode ? ` (${event.mode})` : ""}`));
  if (detail.paragraph) panel.append(highlighted(detail.paragraph, event));
  panel.append(facts([
    ["actor", party(event, "actor")], ["recipient", party(event, "recipient")],
    ["date", `${dateCue(event)}${event.date_text ? ` — “${event.date_text}”` : ""}`],
    ["place", `${placeCue(event)}${event.location_text ? ` — “${event.location_text}”` : ""}`],
    ["dead", event.dead_best], ["injured", event.injured_best], ["status", event.status],
    ["confidence", event.confidence == null ? null : event.confidence.toFixed(2)],
    ["ACLED", [event.acled_event_type, event.acled_sub_event_type].filter(Boolean).join(" / ")], ["CAMEO", event.cameo],
    ["according to", event.attribution_text],
  ]));
  panel.append(el("h4", {}, `Sources (${detail.mentions.length})`));
  const sources = el("ul", { class: "sources" });
  for (const mention of detail.mentions) {
    // URLs are shown as text, never as links: a hostile `javascript:` URL stays inert.
    sources.append(el("li", {}, `${mention.title || mention.doc_id} — ${mention.source || "unknown source"}`,
      `${mention.published_at ? `, ${mention.published_at}` : ""}`, el("br"), el("span", { class: "cue" }, mention.url || "")));
  }
  panel.append(sources);
  if (detail.disagreements.length) panel.append(el("p", {}, `Sources disagree on: ${detail.disagreements.join(", ")}`));
  panel.append(el("h4", {}, "Evidence spans"));
  panel.append(facts(detail.evidence.map((span) => [span.field, `“${span.text}” [${span.start}–${span.end}]`])));
}
function selectEvent(key) {
  state.selected = key;
  writeUrl();
  for (const node of document.querySelectorAll("[data-key].selected")) node.classList.remove("selected");
  for (const node of document.querySelectorAll(`[data-key="${CSS.escape(key)}"]`)) node.classList.add("selected");
  showDetail(key);
}

// -- wiring ----------------------------------------------------------------------------------------------
function syncForm() { for (const name of FILTERS) { const input = $(`#filters [name="${name}"]`); if (input) input.value = state.filters[name] || ""; } }
function readForm() {
  state.filters = {};
  for (const name of FILTERS) { const value = $(`#filters [name="${name}"]`).value.trim(); if (value) state.filters[name] = value; }
}
function chooseInterval(rows) {
  if (rows.length < 2) return "day";
  const days = (new Date(rows[rows.length - 1].key) - new Date(rows[0].key)) / 86400000;
  return days > 730 ? "month" : days > 120 ? "week" : "day";
}
async function refresh() {
  writeUrl();
  document.body.dataset.loading = "1";
  try {
    const days = await api("/api/counts", { by: "day" });
    const interval = chooseInterval(days.filter((row) => row.key));
    const [page, collection, timeline, graph, status] = await Promise.all([
      api("/api/events", { sort: state.sort, limit: PAGE, offset: state.offset }), api("/api/geojson"),
      api("/api/timeline", { interval }), api("/api/graph"), fetch("/api/status").then((r) => r.json()),
    ]);
    showError(null);
    drawMap(collection);
    drawTimeline(timeline, interval);
    drawGraph(graph);
    drawTable(page);
    showStatus(status, false);
  } catch (error) {
    showError(error);
  }
  delete document.body.dataset.loading;
  document.body.dataset.ready = "1";
}
function showStatus(status, updated) {
  state.lastSeq = status.last_seq;
  const node = $("#status");
  node.textContent = `${status.events} events in ${status.documents} documents${updated ? " · updated" : ""}`;
  node.classList.toggle("updated", updated);
}
async function poll() {
  try {
    const status = await (await fetch("/api/status")).json();
    if (state.lastSeq !== null && status.last_seq !== state.lastSeq) { await refresh(); showStatus(status, true); }
  } catch (error) { /* the server may be restarting: try again at the next tick */ }
}
async function start() {
  readUrl();
  drawMapLegend();
  $("#filters").addEventListener("submit", (event) => { event.preventDefault(); readForm(); state.offset = 0; refresh(); });
  $("#reset").addEventListener("click", () => { state.filters = {}; state.offset = 0; state.sort = "date"; syncForm(); refresh(); });
  $("#prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); refresh(); });
  $("#next").addEventListener("click", () => { state.offset += PAGE; refresh(); });
  for (const th of document.querySelectorAll("th[data-sort]")) {
    th.addEventListener("click", () => { const key = th.dataset.sort; state.sort = state.sort === key ? `-${key}` : key; state.offset = 0; refresh(); });
  }
  try { await loadWorld(); } catch (error) { showError(new Error("basemap could not be loaded")); }
  await refresh();
  if (state.selected) showDetail(state.selected);
  setInterval(poll, POLL_MS);
}
document.addEventListener("DOMContentLoaded", start);
