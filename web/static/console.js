// SPARQL console: CodeMirror editor; POSTs to /sparql and shows the rows as a table.
(function () {
  "use strict";
  var form = document.getElementById("console");
  var textarea = document.getElementById("query");
  var statusEl = document.getElementById("status");
  var results = document.getElementById("results");
  // compgraph's PREFIX lines joined into one: sent in front of the user's query they leave its line
  // numbers as they are, so only a position on line 1 needs moving back (see where()).
  var prefixes = JSON.parse(document.getElementById("prefixes").textContent).replace(/\n/g, " ");
  var editor = null;
  if (window.CodeMirror) {
    editor = CodeMirror.fromTextArea(textarea, {
      mode: "application/sparql-query", lineNumbers: true, viewportMargin: Infinity,
      extraKeys: {
        "Ctrl-Enter": function () { run(); }, "Cmd-Enter": function () { run(); },
        // Let keyboard users leave the editor: Esc, then Tab moves focus on.
        "Esc": function (cm) { cm.getInputField().blur(); document.getElementById("run").focus(); }
      }
    });
    editor.getInputField().setAttribute("aria-label", "SPARQL query");
    window.sparqlEditor = editor;
  }
  function text() { return editor ? editor.getValue() : textarea.value; }
  function entityUrl(iri) {
    var base = "https://w3id.org/compgraph/id/";
    var kinds = {document: "documents", obligation: "obligations", control: "controls", system: "systems",
                 dataset: "datasets", evidence: "evidence"};
    if (iri.indexOf(base) !== 0) return null;
    var rest = iri.slice(base.length).split("/");
    if (rest.length !== 2 || !kinds[rest[0]]) return null;
    return "/" + kinds[rest[0]] + "/" + encodeURIComponent(rest[1]);
  }
  function cell(term) {
    var td = document.createElement("td");
    if (!term) return td;
    var url = term.type === "uri" ? entityUrl(term.value) : null;
    if (url) { var a = document.createElement("a"); a.href = url; a.textContent = term.value; td.appendChild(a); }
    else td.textContent = term.value;
    return td;
  }
  function show(data) {
    results.innerHTML = "";
    if (typeof data.boolean === "boolean") { statusEl.textContent = "Answer: " + (data.boolean ? "yes" : "no"); return; }
    var vars = data.head.vars, rows = data.results.bindings;
    var table = document.createElement("table");
    var tr = document.createElement("tr");
    vars.forEach(function (v) { var th = document.createElement("th"); th.scope = "col"; th.textContent = v; tr.appendChild(th); });
    var thead = document.createElement("thead"); thead.appendChild(tr); table.appendChild(thead);
    var tbody = document.createElement("tbody");
    rows.forEach(function (b) {
      var r = document.createElement("tr");
      vars.forEach(function (v) { r.appendChild(cell(b[v])); });
      tbody.appendChild(r);
    });
    table.appendChild(tbody); table.id = "result-table";
    results.appendChild(table);
    statusEl.textContent = rows.length + " row" + (rows.length === 1 ? "" : "s");
  }
  // A parser's position ("error at 2:7", "line 2, column 7") in the text sent, as a place in the user's query.
  function where(message) {
    var shift = prefixes.length;
    function at(line, col) {
      line = Number(line); col = Number(col);
      if (line === 1) col -= shift;
      return "line " + line + ", column " + Math.max(col, 1) + " of your query";
    }
    return message
      .replace(/\bat (\d+):(\d+)/g, function (_, l, c) { return "at " + at(l, c); })
      .replace(/\b[Ll]ine (\d+), column (\d+)/g, function (_, l, c) { return at(l, c); });
  }
  function request(accept, format) {
    var body = new URLSearchParams();
    // compgraph's prefixes first; a PREFIX in the query text redeclares and wins.
    body.set("query", prefixes + text());
    if (format) body.set("format", format);
    return fetch(form.getAttribute("action"), {method: "POST", body: body, headers: {"Accept": accept}})
      .then(function (resp) {
        if (!resp.ok) return resp.text().then(function (t) { throw new Error(where(t || resp.statusText)); });
        return resp;
      });
  }
  function fail(err) {
    results.innerHTML = "";
    statusEl.textContent = "Error: " + String(err.message).slice(0, 500);
  }
  // Download buttons: the same query in a standard SPARQL 1.1 results format, saved as a file.
  var names = {csv: "results.csv", tsv: "results.tsv", json: "results.json"};
  Array.prototype.forEach.call(document.querySelectorAll("button[data-format]"), function (button) {
    button.addEventListener("click", function () {
      var format = button.getAttribute("data-format");
      statusEl.textContent = "Preparing " + format.toUpperCase() + "…";
      request("*/*", format).then(function (resp) {
        var type = resp.headers.get("Content-Type") || "";
        var name = type.indexOf("sparql-results") < 0 && type.indexOf("csv") < 0 && type.indexOf("tab-sep") < 0
          ? "results." + ({"text/turtle": "ttl", "application/ld+json": "jsonld"}[type.split(";")[0]] || "txt")
          : names[format];
        return resp.blob().then(function (blob) {
          var a = document.createElement("a");
          a.href = URL.createObjectURL(blob); a.download = name;
          document.body.appendChild(a); a.click(); a.remove();
          setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
          statusEl.textContent = "Downloaded " + name;
        });
      }).catch(fail);
    });
  });
  function run() {
    statusEl.textContent = "Running…";
    request("application/sparql-results+json").then(function (resp) {
      var type = resp.headers.get("Content-Type") || "";
      if (type.indexOf("json") < 0) return resp.text().then(function (t) {
        results.innerHTML = ""; var pre = document.createElement("pre"); pre.textContent = t; results.appendChild(pre);
        statusEl.textContent = "Answer is an RDF graph (" + type + ")";
      });
      return resp.json().then(show);
    }).catch(fail);
  }
  form.addEventListener("submit", function (ev) { ev.preventDefault(); run(); });
})();
