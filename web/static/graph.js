// Neighbourhood view: Cytoscape.js over /graph/<kind>/<id>.json; shape = type, colour = gap status.
(function () {
  "use strict";
  var box = document.getElementById("cy");
  var statusEl = document.getElementById("graph-status");
  var list = document.getElementById("node-list");
  var shapes = {document: "diamond", obligation: "ellipse", control: "round-rectangle", system: "hexagon",
                dataset: "triangle", evidence: "star", organisation: "pentagon", other: "ellipse"};
  var fills = {document: "#dbe7f3", obligation: "#fff4d6", control: "#e4f2e4", system: "#ece4f5",
               dataset: "#f5e6dc", evidence: "#e8eef0", organisation: "#eeeeee", other: "#ffffff"};
  var status = {"covered": "#2e7d32", "evidence-expired": "#b26a00", "no-evidence": "#c77700",
                "missing-control": "#c62828", "unmapped": "#6a1b9a", "none": "#78909c"};
  fetch(box.getAttribute("data-src"), {headers: {"Accept": "application/json"}})
    .then(function (r) { if (!r.ok) throw new Error(r.statusText); return r.json(); })
    .then(function (data) {
      var cy = cytoscape({
        container: box, elements: data.elements, wheelSensitivity: 0.3,
        layout: {name: data.elements.length > 60 ? "concentric" : "cose", animate: false, padding: 20,
                 concentric: function (n) { return n.data("focus") ? 10 : 1; }},
        style: [
          {selector: "node", style: {
            "label": "data(label)", "font-size": 10, "text-valign": "bottom", "text-margin-y": 3,
            "shape": function (n) { return shapes[n.data("kind")] || "ellipse"; },
            "background-color": function (n) { return fills[n.data("kind")] || "#fff"; },
            "border-width": 3, "border-color": function (n) { return status[n.data("status")] || "#78909c"; },
            "width": 26, "height": 26}},
          {selector: "node[?focus]", style: {"width": 40, "height": 40, "border-width": 5, "font-weight": "bold"}},
          {selector: "edge", style: {"width": 1.5, "line-color": "#9aa5b1", "target-arrow-color": "#9aa5b1",
            "target-arrow-shape": "triangle", "curve-style": "bezier", "label": "data(label)", "font-size": 7,
            "color": "#555", "text-rotation": "autorotate"}}
        ]
      });
      cy.on("tap", "node", function (ev) { var u = ev.target.data("url"); if (u) window.location.href = u; });
      window.cy = cy;
      var nodes = data.elements.filter(function (e) { return e.group === "nodes"; });
      nodes.sort(function (a, b) { return (a.data.kind + a.data.label).localeCompare(b.data.kind + b.data.label); });
      nodes.forEach(function (n) {
        var li = document.createElement("li");
        var label = n.data.kind + " " + n.data.label + (n.data.title && n.data.title !== n.data.label ? ": " + n.data.title : "");
        if (n.data.url) { var a = document.createElement("a"); a.href = n.data.url; a.textContent = label; li.appendChild(a); }
        else li.textContent = label;
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
