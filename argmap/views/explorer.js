// argmap's explorer: pan, zoom, search, details, collapse, focus, permalinks.
// Texts from the map are put into the page with textContent only, never as markup.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("argmap-data").textContent);
  const stage = document.getElementById("stage");
  const svg = stage.querySelector("svg");
  const details = document.getElementById("details");
  const overview = document.getElementById("overview");
  const search = document.getElementById("search");
  const matchesOut = document.getElementById("matches");
  const live = document.body.dataset.live === "1";
  let view = null;
  let selected = null;
  const collapsed = new Set();
  if (live) listen();
  if (!svg) return;

  const nodes = data.nodes;
  const groups = new Map();
  svg.querySelectorAll("g.node[data-id]").forEach((g) => groups.set(g.dataset.id, g));
  const edges = data.edges.map(([name, source, target, kind]) => ({
    g: document.getElementById(name), source, target, kind,
  }));
  const parents = new Map();
  for (const [id, node] of Object.entries(nodes)) {
    for (const [child, relation] of node.below) {
      if (!parents.has(child)) parents.set(child, []);
      parents.get(child).push([id, relation]);
    }
  }
  const ATTACKS = new Set(["attack", "undercut", "contradiction", "contrary"]);

  // ---- the view: a viewBox over Graphviz's coordinates, kept at the stage's aspect ----
  const base = svg.viewBox.baseVal;
  const whole = { x: base.x, y: base.y, w: base.width, h: base.height };
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
  overview.hidden = overview.hidden || groups.size < 12;
  const corner = new Map();
  overview.querySelectorAll("rect[data-of]").forEach((r) => corner.set(r.dataset.of, r));
  // Dimming what does not match repaints every claim: only on maps small enough for it.
  stage.classList.toggle("dim", groups.size <= 300);
  view = { ...whole };
  const MIN_W = 40;

  // The stage's size, read once and on resize: reading it after a change of classes
  // would make the browser lay the whole drawing out again.
  let stageBox = stage.getBoundingClientRect();
  const stageRect = () => stageBox;
  function aspect() {
    const r = stageRect();
    return r.width > 0 && r.height > 0 ? r.height / r.width : 1;
  }
  function apply() {
    view.h = view.w * aspect();
    svg.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`);
    const vp = document.getElementById("viewport");
    vp.setAttribute("x", view.x); vp.setAttribute("y", view.y);
    vp.setAttribute("width", view.w); vp.setAttribute("height", view.h);
  }
  function toMap(clientX, clientY) {
    const r = stageRect();
    return { x: view.x + ((clientX - r.left) / r.width) * view.w, y: view.y + ((clientY - r.top) / r.height) * view.h };
  }
  function zoomAt(factor, clientX, clientY) {
    const r = stageRect();
    const cx = clientX === undefined ? r.left + r.width / 2 : clientX;
    const cy = clientY === undefined ? r.top + r.height / 2 : clientY;
    const p = toMap(cx, cy);
    const w = Math.min(Math.max(view.w / factor, MIN_W), whole.w * 4 + 400);
    const k = w / view.w;
    view = { x: p.x - (p.x - view.x) * k, y: p.y - (p.y - view.y) * k, w, h: view.h * k };
    apply();
  }
  function panBy(dxScreen, dyScreen) {
    const r = stageRect();
    view.x -= (dxScreen / r.width) * view.w;
    view.y -= (dyScreen / r.height) * view.h;
    apply();
  }
  // A box in map coordinates around an element, from where the browser draws it.
  function boxOf(elements) {
    const r = stageRect();
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const el of elements) {
      const b = el.getBoundingClientRect();
      if (!b.width && !b.height) continue;
      const a = toMap(b.left, b.top), c = toMap(b.right, b.bottom);
      x0 = Math.min(x0, a.x); y0 = Math.min(y0, a.y); x1 = Math.max(x1, c.x); y1 = Math.max(y1, c.y);
    }
    return isFinite(x0) ? { x: x0, y: y0, w: x1 - x0, h: y1 - y0 } : null;
  }
  function show(box, margin) {
    const m = margin === undefined ? 20 : margin;
    const a = aspect();
    let w = Math.max(box.w + 2 * m, MIN_W);
    if ((box.h + 2 * m) > w * a) w = (box.h + 2 * m) / a;
    view = { x: box.x + box.w / 2 - w / 2, y: box.y + box.h / 2 - (w * a) / 2, w, h: w * a };
    apply();
  }
  function fit() {
    const shown = [...groups.values()].filter((g) => !g.classList.contains("hidden"));
    const box = shown.length === groups.size ? whole : boxOf(shown);
    show(box || whole, shown.length === groups.size ? 0 : 30);
  }
  function centreOn(id) {
    const g = groups.get(id);
    if (!g) return;
    const box = boxOf([g]);
    if (!box) return;
    const r = stageRect();
    const readable = r.width * 1.6; // at most this many map points across the stage
    const w = Math.min(view.w, Math.max(readable, box.w * 1.5));
    view = { x: box.x + box.w / 2 - w / 2, y: box.y + box.h / 2 - (w * aspect()) / 2, w, h: w * aspect() };
    apply();
  }

  // ---- pointer: drag to pan, wheel or pinch to zoom, two-finger scroll to pan ----
  let drag = null;
  stage.addEventListener("pointerdown", (e) => {
    if (e.button !== 0) return;
    drag = { x: e.clientX, y: e.clientY, moved: 0, id: e.pointerId };
  });
  stage.addEventListener("pointermove", (e) => {
    if (!drag || drag.id !== e.pointerId) return;
    const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    drag.moved += Math.abs(dx) + Math.abs(dy);
    if (drag.moved > 4) {
      if (!stage.classList.contains("dragging")) {
        stage.classList.add("dragging");
        stage.setPointerCapture(e.pointerId);
      }
      panBy(dx, dy);
    }
    drag.x = e.clientX; drag.y = e.clientY;
  });
  function endDrag(e) {
    if (drag && drag.moved > 4) {
      stage.addEventListener("click", (c) => c.stopPropagation(), { capture: true, once: true });
    }
    stage.classList.remove("dragging");
    drag = null;
  }
  stage.addEventListener("pointerup", endDrag);
  stage.addEventListener("pointercancel", endDrag);
  stage.addEventListener("wheel", (e) => {
    e.preventDefault();
    const pixels = e.deltaMode === 0;
    const touchpadScroll = pixels && !e.ctrlKey && (e.deltaX !== 0 || Math.abs(e.deltaY) < 40);
    if (touchpadScroll) panBy(-e.deltaX, -e.deltaY);
    else zoomAt(Math.exp(-(pixels ? e.deltaY : e.deltaY * 30) * (e.ctrlKey ? 0.01 : 0.002)), e.clientX, e.clientY);
  }, { passive: false });
  overview.addEventListener("pointerdown", (e) => {
    const r = overview.getBoundingClientRect();
    const scale = Math.max(whole.w / r.width, whole.h / r.height);
    const x = whole.x + whole.w / 2 + (e.clientX - r.left - r.width / 2) * scale;
    const y = whole.y + whole.h / 2 + (e.clientY - r.top - r.height / 2) * scale;
    view.x = x - view.w / 2; view.y = y - view.h / 2;
    apply();
  });
  window.addEventListener("resize", () => { stageBox = stage.getBoundingClientRect(); apply(); });

  // ---- selection and the details panel ----
  function add(parent, tag, text, cls) {
    const el = document.createElement(tag);
    if (text !== undefined && text !== null) el.textContent = String(text);
    if (cls) el.className = cls;
    parent.appendChild(el);
    return el;
  }
  function link(parent, id, note) {
    const li = add(parent, "li");
    const a = add(li, "a", id);
    a.href = "#" + encodeURIComponent(id);
    if (note) add(li, "span", " " + note, "where");
  }
  function button(parent, text, action) {
    const b = add(parent, "button", text);
    b.type = "button";
    b.addEventListener("click", action);
    return b;
  }
  function select(id, move) {
    if (!nodes[id]) return false;
    if (selected && groups.get(selected)) groups.get(selected).classList.remove("selected");
    selected = id;
    const g = groups.get(id);
    if (g) {
      if (g.classList.contains("hidden")) reveal(id);
      g.classList.add("selected");
    }
    const wanted = "#" + encodeURIComponent(id);
    if (location.hash !== wanted && decodeURIComponent(location.hash.slice(1)) !== id) {
      history.replaceState(null, "", wanted);
    }
    fill(id);
    if (move !== false) centreOn(id);
    return true;
  }
  function fill(id) {
    const n = nodes[id];
    details.replaceChildren();
    add(details, "h2", id);
    add(details, "div", n.kind === "argument" ? "argument" : "statement", "kind");
    if (n.label) {
      const p = add(details, "p");
      add(p, "span", n.label, "label " + n.label);
      if (n.decided) add(p, "span", " — " + n.decided.replace(/^\w+: /, ""));
    }
    if (n.text && n.text !== n.title) add(details, "p", n.text, "text");
    if (n.tags.length) {
      const p = add(details, "p");
      for (const t of n.tags) add(p, "span", "#" + t, "tag");
    }
    if (n.quote) {
      add(details, "blockquote", n.quote, "quote");
      if (n.para !== undefined) add(details, "p", "paragraph " + n.para, "where para");
    }
    if (n.location) add(details, "p", n.location, "where");
    const actions = add(details, "div", null, "actions");
    const reasonsBelow = n.below.length;
    if (reasonsBelow) {
      button(actions, collapsed.has(id) ? "Expand" : "Collapse", () => toggle(id)).id = "toggle";
    }
    button(actions, "Focus here", () => focusOn(id, steps())).id = "focus-here";
    if (n.more) add(details, "p", `${n.more} more below, left out of this drawing`, "where");
    if (n.findings && n.findings.length) {
      add(details, "h3", "Findings");
      const ul = add(details, "ul");
      for (const f of n.findings) add(ul, "li", f, "finding");
    }
    const reasons = n.below.filter(([, r]) => !ATTACKS.has(r));
    const objections = n.below.filter(([, r]) => ATTACKS.has(r));
    for (const [head, list] of [["Reasons", reasons], ["Objections", objections]]) {
      if (!list.length) continue;
      add(details, "h3", head);
      const ul = add(details, "ul", null, head.toLowerCase());
      for (const [child, relation, number] of list) {
        link(ul, child, relation === "premise" && number ? `(premise ${number})` : `(${relation})`);
      }
    }
    const ups = parents.get(id) || [];
    if (ups.length) {
      add(details, "h3", "Bears on");
      const ul = add(details, "ul", null, "bears-on");
      for (const [parent, relation] of ups) link(ul, parent, `(${relation})`);
    }
  }
  const claimAt = (e) => {
    const g = e.target instanceof Element ? e.target.closest("g.node[data-id]") : null;
    return g ? g.dataset.id : null;
  };
  stage.addEventListener("click", (e) => { const id = claimAt(e); if (id) select(id, false); });
  stage.addEventListener("dblclick", (e) => { const id = claimAt(e); if (id) toggle(id); });
  window.addEventListener("hashchange", () => fromHash());
  function fromHash() {
    if (location.hash.length < 2) return false;
    let id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (err) { return false; }
    return select(id);
  }

  // ---- collapse, expand and focus: which nodes are shown ----
  let focused = null; // set of ids shown around a focus, or null for the whole map
  const badges = new Map();
  function reachable() {
    const roots = Object.keys(nodes).filter((id) => !(parents.get(id) || []).length);
    const seen = new Set();
    const walk = (start) => {
      const stack = [start];
      seen.add(start);
      while (stack.length) {
        const id = stack.pop();
        if (collapsed.has(id)) continue;
        for (const [child] of nodes[id].below) {
          if (!seen.has(child) && nodes[child]) { seen.add(child); stack.push(child); }
        }
      }
    };
    roots.forEach(walk);
    // Claims only reachable through a cycle: the first one not yet seen counts as a root.
    const all = new Set(); const allWalk = [...roots];
    for (const id of roots) all.add(id);
    while (allWalk.length) {
      const id = allWalk.pop();
      for (const [child] of nodes[id].below) if (!all.has(child) && nodes[child]) { all.add(child); allWalk.push(child); }
    }
    for (const id of Object.keys(nodes)) if (!all.has(id) && !seen.has(id)) { all.add(id); walk(id); }
    return seen;
  }
  function refresh() {
    const visible = reachable();
    for (const [id, g] of groups) {
      const shown = visible.has(id) && (!focused || focused.has(id));
      g.classList.toggle("hidden", !shown);
      g.classList.toggle("collapsed", collapsed.has(id));
    }
    for (const e of edges) {
      if (!e.g) continue;
      const shown = visible.has(e.source) && visible.has(e.target) && (!focused || (focused.has(e.source) && focused.has(e.target)));
      e.g.classList.toggle("hidden", !shown);
    }
    for (const [id, badge] of badges) { if (!collapsed.has(id)) { badge.remove(); badges.delete(id); } }
    for (const id of collapsed) {
      const g = groups.get(id);
      if (!g || badges.has(id)) continue;
      const shape = g.querySelector("polygon, path");
      if (!shape) continue;
      const b = shape.getBBox();
      const t = document.createElementNS("http://www.w3.org/2000/svg", "text");
      t.setAttribute("x", b.x + b.width / 2); t.setAttribute("y", b.y + b.height + 12);
      t.setAttribute("text-anchor", "middle"); t.setAttribute("class", "badge");
      t.textContent = `▸ ${hiddenBelow(id)} hidden below (double-click)`;
      shape.parentNode.appendChild(t);
      badges.set(id, t);
    }
    document.getElementById("whole").hidden = !focused;
    if (selected && nodes[selected]) fill(selected);
  }
  function hiddenBelow(id) {
    const was = collapsed.has(id);
    collapsed.delete(id);
    const open = reachable();
    collapsed.add(id);
    const shut = reachable();
    if (!was) collapsed.delete(id);
    return [...open].filter((x) => !shut.has(x)).length;
  }
  function toggle(id) {
    if (!nodes[id] || !nodes[id].below.length) return;
    if (collapsed.has(id)) collapsed.delete(id); else collapsed.add(id);
    refresh();
  }
  function reveal(id) {
    // Open every collapsed claim above id, so that it can be shown.
    let changed = false;
    const stack = [id]; const seen = new Set([id]);
    while (stack.length) {
      const x = stack.pop();
      for (const [p] of parents.get(x) || []) {
        if (collapsed.delete(p)) changed = true;
        if (!seen.has(p)) { seen.add(p); stack.push(p); }
      }
    }
    if (focused && !focused.has(id)) { focused = null; changed = true; }
    if (changed) refresh();
  }
  function steps() { return Math.max(1, parseInt(document.getElementById("steps").value, 10) || 1); }
  function focusOn(id, n) {
    if (!nodes[id]) return;
    const near = new Set([id]);
    let ring = [id];
    for (let i = 0; i < n; i++) {
      const next = [];
      for (const x of ring) {
        const around = nodes[x].below.map(([c]) => c).concat((parents.get(x) || []).map(([p]) => p));
        for (const y of around) if (nodes[y] && !near.has(y)) { near.add(y); next.push(y); }
      }
      ring = next;
    }
    focused = near;
    refresh();
    fit();
  }
  function wholeMap() { focused = null; refresh(); fit(); }

  // ---- search ----
  let found = [], at = -1;
  function runSearch(move) {
    const q = search.value.trim().toLowerCase();
    for (const id of found) {
      groups.get(id).classList.remove("match");
      if (corner.has(id)) corner.get(id).classList.remove("match");
    }
    found = [];
    stage.classList.toggle("searching", q.length > 0);
    if (q) {
      for (const [id, n] of Object.entries(nodes)) {
        const hay = (id + " " + n.text + " " + n.tags.map((t) => "#" + t).join(" ") + " " + (n.quote || "")).toLowerCase();
        if (hay.includes(q) && groups.has(id)) found.push(id);
      }
      for (const id of found) {
        groups.get(id).classList.add("match");
        if (corner.has(id)) corner.get(id).classList.add("match");
      }
    }
    at = found.length ? 0 : -1;
    matchesOut.textContent = q ? (found.length ? `1 of ${found.length}` : "no match") : "";
    if (move && found.length) { reveal(found[0]); centreOn(found[0]); }
  }
  function step(by) {
    if (!found.length) return;
    at = (at + by + found.length) % found.length;
    matchesOut.textContent = `${at + 1} of ${found.length}`;
    reveal(found[at]);
    select(found[at]);
  }
  search.addEventListener("input", () => runSearch(true));
  search.addEventListener("keydown", (e) => {
    if (e.key === "Enter") { e.preventDefault(); if (at >= 0 && !selected) select(found[at]); else step(e.shiftKey ? -1 : 1); }
    if (e.key === "Escape") { search.value = ""; runSearch(false); stage.focus(); }
  });

  // ---- buttons and keys ----
  document.getElementById("fit").addEventListener("click", fit);
  document.getElementById("zoom-in").addEventListener("click", () => zoomAt(1.4));
  document.getElementById("zoom-out").addEventListener("click", () => zoomAt(1 / 1.4));
  document.getElementById("focus").addEventListener("click", () => { if (selected) focusOn(selected, steps()); });
  document.getElementById("whole").addEventListener("click", wholeMap);
  const colours = document.getElementById("colour-labels");
  const colour = () => document.body.classList.toggle("by-label", colours.checked);
  colours.addEventListener("change", colour);
  document.addEventListener("keydown", (e) => {
    const typing = e.target instanceof HTMLInputElement;
    if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
    const r = stageRect();
    const moves = { ArrowLeft: [1, 0], ArrowRight: [-1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
    if (moves[e.key]) { panBy(moves[e.key][0] * r.width * 0.15, moves[e.key][1] * r.height * 0.15); e.preventDefault(); }
    else if (e.key === "+" || e.key === "=") zoomAt(1.25);
    else if (e.key === "-" || e.key === "_") zoomAt(0.8);
    else if (e.key === "0") fit();
    else if (e.key === "/") { search.focus(); e.preventDefault(); }
    else if (e.key === "f" && selected) focusOn(selected, steps());
    else if (e.key === "w") wholeMap();
    else if (e.key === "c" && selected) toggle(selected);
    else if (e.key === "Escape") { search.value = ""; runSearch(false); }
  });

  // ---- live reload (argmap watch): keep zoom, selection, search and collapsed claims ----
  function listen() {
    const source = new EventSource("/events");
    source.addEventListener("reload", () => {
      // An error page has no view to keep: what the map page stored stays for its return.
      if (svg) try {
        sessionStorage.setItem("argmap-view", JSON.stringify({
          view, selected, query: search.value, collapsed: [...collapsed],
        }));
      } catch (err) { /* storage refused: reload without keeping the view */ }
      location.reload();
    });
  }
  let kept = null;
  try {
    kept = JSON.parse(sessionStorage.getItem("argmap-view") || "null");
    sessionStorage.removeItem("argmap-view");
  } catch (err) {
    kept = null;
  }
  apply();
  if (kept && live) {
    for (const id of kept.collapsed || []) if (nodes[id]) collapsed.add(id);
    refresh();
    if (kept.view) { view = kept.view; apply(); } else fit();
    if (kept.selected && nodes[kept.selected]) select(kept.selected, false);
    if (kept.query) { search.value = kept.query; runSearch(false); }
  } else if (!fromHash()) {
    fit();
  }
  window.argmap = {
    select, toggle, focus: focusOn, whole: wholeMap, fit, zoom: zoomAt,
    get view() { return { ...view }; }, get selected() { return selected; },
    get collapsed() { return [...collapsed]; }, nodes,
  };
  document.body.dataset.readyAt = String(Math.round(performance.now()));
  document.body.dataset.ready = "1";
})();
