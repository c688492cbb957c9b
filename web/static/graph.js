// Neighbourhood view: Cytoscape.js over /graph/<kind>/<id>.json. Shape = type; border colour AND an icon in the
// label = gap status (never colour alone); the focal node is large, dark and in the centre, its neighbours in
// rings by distance, every node labelled with its id (one word: never wrapped at its hyphens); each kind of link
// drawn in its own colour and line, named in the key above the picture.
(function () {
  "use strict";
  var box = document.getElementById("cy");
  var statusEl = document.getElementById("graph-status");
  var list = document.getElementById("node-list");
  var shapes = {document: "diamond", obligation: "ellipse", control: "round-rectangle", system: "hexagon",
                dataset: "triangle", evidence: "star", organisation: "pentagon", other: "ellipse"};
  var fills = {document: "#dbe7f3", obligation: "#fff4d6", control: "#e4f2e4", system: "#ece4f5",
               dataset: "#f5e6dc", evidence: "#e8eef0", organisation: "#eeeeee", other: "#ffffff"};
  // The same colours as style.css: expired (orange) and no evidence (blue) are told apart by every reader.
  var status = {"covered": "#2e7d32", "evidence-expired": "#b35c00", "no-evidence": "#0063a6",
                "missing-control": "#c62828", "unmapped": "#6a1b9a", "none": "#78909c"};
  var icons = {"covered": "✓", "evidence-expired": "↻", "no-evidence": "∅", "missing-control": "✗",
               "unmapped": "?", "none": ""};
  // Each kind of link has its own colour AND line (three colours by three lines), named in the key above the
  // picture, so a link reads without pointing at it; none uses a gap-status colour.
  var linkStyles = {
    satisfiedBy: ["#1f5fa8", "solid"], subjectTo: ["#1f5fa8", "dashed"], trainedOn: ["#1f5fa8", "dotted"],
    implementsControl: ["#00796b", "solid"], operatedBy: ["#00796b", "dashed"], usesDataset: ["#00796b", "dotted"],
    evidenceFor: ["#4a5563", "solid"], concerns: ["#4a5563", "dashed"], fromDocument: ["#4a5563", "dotted"]
  };
  var other = ["#9aa5b1", "solid"];
  function linkStyle(kind) { return linkStyles[kind] || other; }
  var dashes = {solid: "", dashed: "6 4", dotted: "1.5 3"};
  function keyOfLinks(edges) {
    var key = document.getElementById("link-legend"), seen = {};
    edges.forEach(function (e) {
      var k = e.data.kind;
      if (!seen[k]) seen[k] = {label: e.data.label, n: 0};
      seen[k].n += 1;
    });
    Object.keys(seen).sort(function (a, b) { return seen[a].label.localeCompare(seen[b].label); }).forEach(function (k) {
      var st = linkStyle(k), li = document.createElement("li"), ns = "http://www.w3.org/2000/svg";
      li.setAttribute("data-kind", k);
      var svg = document.createElementNS(ns, "svg"), line = document.createElementNS(ns, "line");
      svg.setAttribute("viewBox", "0 0 40 10"); svg.setAttribute("aria-hidden", "true");
      line.setAttribute("x1", "1"); line.setAttribute("y1", "5"); line.setAttribute("x2", "39"); line.setAttribute("y2", "5");
      line.setAttribute("stroke", st[0]); line.setAttribute("stroke-width", "2.5");
      if (dashes[st[1]]) line.setAttribute("stroke-dasharray", dashes[st[1]]);
      svg.appendChild(line); li.appendChild(svg);
      li.appendChild(document.createTextNode(seen[k].label + " (" + st[1] + ", " + seen[k].n + ")"));
      key.appendChild(li);
    });
  }
  function caption(d) {
    var icon = icons[d.status] || "";
    return (icon ? icon + " " : "") + d.label;
  }
  fetch(box.getAttribute("data-src"), {headers: {"Accept": "application/json"}})
    .then(function (r) { if (!r.ok) throw new Error(r.statusText); return r.json(); })
    .then(function (data) {
      // Rings: the focal node in the middle, then one ring per (distance, kind), smaller groups inside, so that
      // 30 neighbours do not share one huge circle whose labels shrink to nothing when it is fitted to the box.
      var maxDist = 0, groups = {};
      data.elements.forEach(function (e) {
        if (e.group !== "nodes") return;
        e.data.caption = caption(e.data);
        maxDist = Math.max(maxDist, e.data.dist || 0);
        var g = (e.data.dist || 0) + "/" + e.data.kind;
        groups[g] = (groups[g] || 0) + 1;
      });
      var kinds = ["document", "obligation", "control", "system", "dataset", "evidence", "organisation", "other"];
      data.elements.forEach(function (e) {
        if (e.group !== "nodes") return;
        var size = groups[(e.data.dist || 0) + "/" + e.data.kind];
        e.data.ring = (maxDist + 1 - (e.data.dist || 0)) * 100000 - size * 10 - kinds.indexOf(e.data.kind);
      });
      var cy = cytoscape({
        container: box, elements: data.elements, wheelSensitivity: 0.3, minZoom: 0.2, maxZoom: 3,
        layout: {name: "concentric", animate: false, padding: 30, nodeDimensionsIncludeLabels: true,
                 minNodeSpacing: 6, spacingFactor: 1, avoidOverlap: true, startAngle: 3 / 2 * Math.PI,
                 concentric: function (n) { return n.data("focus") ? 1e9 : n.data("ring"); },
                 levelWidth: function () { return 1; }},
        style: [
          {selector: "node", style: {
            "label": "data(caption)", "font-size": 12, "text-valign": "bottom", "text-margin-y": 4,
            "text-wrap": "none", "text-background-color": "#ffffff", "text-background-opacity": 0.85,
            "text-background-padding": 2, "color": "#1d2430",
            "shape": function (n) { return shapes[n.data("kind")] || "ellipse"; },
            "background-color": function (n) { return fills[n.data("kind")] || "#fff"; },
            "border-width": 4, "border-color": function (n) { return status[n.data("status")] || "#78909c"; },
            "width": 28, "height": 28}},
          {selector: "node[?focus]", style: {
            "width": 50, "height": 50, "border-width": 7, "background-color": "#18324f", "font-size": 15,
            "font-weight": "bold", "color": "#ffffff", "text-background-color": "#18324f",
            "text-background-opacity": 1, "text-background-padding": 4, "text-margin-y": 6, "z-index": 10}},
          {selector: "edge", style: {"width": 1.6,
            "line-color": function (e) { return linkStyle(e.data("kind"))[0]; },
            "line-style": function (e) { return linkStyle(e.data("kind"))[1]; },
            "target-arrow-color": function (e) { return linkStyle(e.data("kind"))[0]; },
            "target-arrow-shape": "triangle", "curve-style": "bezier", "label": "", "font-size": 9,
            "color": "#3b4452", "text-rotation": "autorotate", "text-background-color": "#ffffff",
            "text-background-opacity": 0.9}},
          // Names on the picture itself only around the node under the pointer, where they cannot pile up;
          // the key above names every kind of link all the time.
          {selector: "edge.named", style: {"label": "data(label)", "width": 3, "z-index": 9}}
        ]
      });
      // Labels must stay readable: rather than shrink a large neighbourhood to fit, keep at least this zoom
      // around the focal node (drag to pan; every node is also listed below the picture).
      var focal = cy.nodes("[?focus]");
      if (cy.zoom() < 0.8 && focal.length) cy.zoom({level: 0.8, position: focal.position()});
      cy.on("mouseover", "node", function (ev) { cy.edges().removeClass("named"); ev.target.connectedEdges().addClass("named"); });
      cy.on("mouseout", "node", function () { cy.edges().removeClass("named"); });
      cy.on("tap", "node", function (ev) { var u = ev.target.data("url"); if (u) window.location.href = u; });
      window.cy = cy;
      keyOfLinks(data.elements.filter(function (e) { return e.group === "edges"; }));
      var nodes = data.elements.filter(function (e) { return e.group === "nodes"; });
      nodes.sort(function (a, b) {
        return (a.data.focus ? 0 : 1) - (b.data.focus ? 0 : 1) || (a.data.kind + a.data.label).localeCompare(b.data.kind + b.data.label);
      });
      nodes.forEach(function (n) {
        var li = document.createElement("li");
        if (n.data.focus) li.className = "focus";
        var kind = document.createTextNode(n.data.kind + " ");
        var id = document.createElement("span"); id.className = "id"; id.textContent = n.data.label;
        var target = li;
        if (n.data.url) { target = document.createElement("a"); target.href = n.data.url; li.appendChild(target); }
        target.appendChild(kind); target.appendChild(id);
        if (n.data.title && n.data.title !== n.data.label) target.appendChild(document.createTextNode(": " + n.data.title));
        if (n.data.focus) li.appendChild(document.createTextNode(" (this page)"));
        if (n.data.status && n.data.status !== "none") {
          var s = document.createElement("span"); s.className = "status-" + n.data.status + " tag";
          s.textContent = n.data.status.replace(/-/g, " "); li.appendChild(document.createTextNode(" ")); li.appendChild(s);
        }
        list.appendChild(li);
      });
      statusEl.textContent = nodes.length + " nodes" + (data.truncated ? " (limited; the neighbourhood is larger)" : "");
      box.setAttribute("data-ready", "1");
    })
    .catch(function (err) { statusEl.textContent = "Could not load the graph: " + err.message; });
})();
