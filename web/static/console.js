// SPARQL console: CodeMirror editor; POSTs to /sparql and shows the rows as a table.
(function () {
  "use strict";
  var form = document.getElementById("console");
  var textarea = document.getElementById("query");
  var statusEl = document.getElementById("status");
  var results = document.getElementById("results");
  var prefixes = JSON.parse(document.getElementById("prefixes").textContent);
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
  function run() {
    statusEl.textContent = "Running…";
    var body = new URLSearchParams();
    // compgraph's prefixes first; a PREFIX in the query text redeclares and wins.
    body.set("query", prefixes + text());
    fetch(form.getAttribute("action"), {
      method: "POST", body: body,
      headers: {"Accept": "application/sparql-results+json"}
    }).then(function (resp) {
      var type = resp.headers.get("Content-Type") || "";
      if (!resp.ok) return resp.text().then(function (t) { throw new Error(t || resp.statusText); });
      if (type.indexOf("json") < 0) return resp.text().then(function (t) {
        results.innerHTML = ""; var pre = document.createElement("pre"); pre.textContent = t; results.appendChild(pre);
        statusEl.textContent = "Answer is an RDF graph (" + type + ")";
      });
      return resp.json().then(show);
    }).catch(function (err) {
      results.innerHTML = "";
      statusEl.textContent = "Error: " + String(err.message).slice(0, 500);
    });
  }
  form.addEventListener("submit", function (ev) { ev.preventDefault(); run(); });
})();
