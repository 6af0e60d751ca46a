/** The HTML report's stylesheet and script: constants, inlined into every report (no network access). */

export const CSS = `
:root{--ink:#1d2733;--muted:#5d6b7a;--line:#e3e8ee;--bg:#f5f7fa;--card:#fff;--accent:#1f4e79;
--direct:#2e9d5b;--partial:#e0a526;--rewrite:#8e5bd0;--none:#d64541;--unknown:#9aa3ad}
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;color:var(--ink);background:var(--bg)}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:12.5px}
header.top{background:linear-gradient(120deg,#16324f,#1f4e79);color:#fff;padding:22px 32px 18px}
header.top h1{margin:0;font-size:22px;font-weight:650;letter-spacing:.2px}
header.top .sub{opacity:.85;margin-top:4px}
header.top .sub code{color:#fff;background:rgba(255,255,255,.14);padding:1px 6px;border-radius:4px}
.kpis{display:flex;flex-wrap:wrap;gap:10px 28px;margin-top:14px}
.kpi b{display:block;font-size:20px;font-weight:650}
.kpi span{opacity:.8;font-size:12px;text-transform:uppercase;letter-spacing:.6px}
main{max-width:1180px;margin:0 auto;padding:18px 24px 40px}
h2{font-size:17px;margin:26px 0 10px;color:#16324f}
h2 small{font-weight:normal;color:var(--muted);font-size:13px;margin-left:6px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(330px,1fr));gap:14px}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:16px 18px;box-shadow:0 1px 2px rgba(20,40,60,.05)}
.card h3{margin:0;font-size:15px}
.card .prod{color:var(--muted);font-size:12.5px;margin-bottom:10px}
.headline{display:flex;align-items:center;gap:16px;margin:6px 0 10px}
.big{font-size:28px;font-weight:700;line-height:1.1}
.big small{font-size:13px;font-weight:500;color:var(--muted);display:block;margin-top:3px}
.sbar{display:flex;height:14px;border-radius:7px;overflow:hidden;background:#edf1f5;margin:8px 0}
.sbar i{display:block;height:100%}
.legend{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12.5px;color:var(--muted);margin:0;padding:0;list-style:none}
.legend li b{color:var(--ink)}
.dot{display:inline-block;width:9px;height:9px;border-radius:2px;margin-right:5px;vertical-align:0}
.s-direct{--c:var(--direct)}.s-partial{--c:var(--partial)}.s-rewrite{--c:var(--rewrite)}.s-none{--c:var(--none)}.s-unknown{--c:var(--unknown)}
.t-0{--c:#1f77b4}.t-1{--c:#ff7f0e}.t-2{--c:#2ca02c}.t-3{--c:#9467bd}
.sbar i,.dot{background:var(--c)}
svg .s-direct,svg .s-partial,svg .s-rewrite,svg .s-none,svg .s-unknown,svg .t-0,svg .t-1,svg .t-2,svg .t-3{fill:var(--c)}
svg .track{fill:#f0f3f6}
svg text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:var(--ink)}
svg text.lbl{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:11.5px}
svg text.key{fill:var(--muted);font-size:10.5px}
svg text.val{fill:var(--muted);font-size:11px}
svg circle.ring-track{fill:none;stroke:#edf1f5;stroke-width:9}
svg circle.ring-val{fill:none;stroke:var(--c);stroke-width:9;stroke-linecap:round}
.ring-num{font-size:20px!important;font-weight:700}
.blockers-note{color:var(--muted);font-size:12.5px}
.blockers-note b{color:var(--none)}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(500px,1fr));gap:14px}
.stack{display:grid;gap:14px}
table.incompat td{font-size:13px}
table.incompat td:first-child{width:34%}
table.incompat td .muted code{font-size:11.5px}
.card h4{margin:0 0 8px;font-size:14px}
.card h4 small{font-weight:normal;color:var(--muted)}
table{border-collapse:collapse;width:100%;background:var(--card)}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:12px;text-transform:uppercase;letter-spacing:.4px;color:var(--muted);font-weight:600;white-space:nowrap}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.tablewrap{background:var(--card);border:1px solid var(--line);border-radius:10px;overflow:auto}
th[data-sort]{cursor:pointer;user-select:none}
th[data-sort]::after{content:" \\2195";opacity:.35}
th[aria-sort=ascending]::after{content:" \\25B2";opacity:.8}
th[aria-sort=descending]::after{content:" \\25BC";opacity:.8}
.badge{display:inline-block;padding:0 6px;border-radius:9px;font-size:11.5px;color:#fff;background:var(--c);white-space:nowrap}
.badge.s-partial{color:#3a2a00}
button.toggle{border:0;background:none;cursor:pointer;font:inherit;color:var(--accent);padding:0 4px 0 0}
button.toggle::before{content:"\\25B8";display:inline-block;width:1em}
button.toggle[aria-expanded=true]::before{content:"\\25BE"}
.toolbar{display:flex;gap:8px;margin:0 0 8px}
.toolbar button{border:1px solid var(--line);background:#fff;border-radius:6px;padding:3px 10px;cursor:pointer;font:inherit;font-size:12.5px}
.js tr.detail.collapsed{display:none}
tr.detail>td{background:#fafbfc;padding:8px 12px 12px 28px}
details.file{margin:4px 0;border:1px solid var(--line);border-radius:6px;background:#fff}
details.file>summary{cursor:pointer;padding:5px 10px}
details.file>summary .meta{color:var(--muted);font-size:12.5px;margin-left:6px}
details.file table td{font-size:12.5px}
td.snip code{white-space:pre-wrap;word-break:break-all;color:#33404d}
td.snip mark{background:#fff1b8;color:inherit;padding:0 1px;border-radius:2px}
.repl code{background:#eef3f8;padding:0 4px;border-radius:3px}
.minibar{display:flex;width:110px;height:9px;border-radius:5px;overflow:hidden;background:#edf1f5;margin-top:4px}
.minibar i{display:block;height:100%;background:var(--c)}
ul.plain{margin:0;padding-left:18px}
.conf{display:inline-block;margin-left:3px;padding:0 5px;border-radius:9px;font-size:10.5px;border:1px dashed var(--muted);color:var(--muted);white-space:nowrap}
.conf.c-uncertain{border-color:var(--none);color:var(--none)}
.toolbar .search{display:flex;align-items:center;gap:6px;flex:1;max-width:520px}
.toolbar .search span{font-size:12.5px;color:var(--muted);white-space:nowrap}
.toolbar input[type=search]{flex:1;font:inherit;font-size:13px;padding:3px 8px;border:1px solid var(--line);border-radius:6px}
#search-count{align-self:center;font-size:12.5px}
.js .nomatch{display:none}
a.anchor{color:var(--muted);opacity:.35;font-size:12px}
a.anchor:hover{opacity:1}
a.src{font-size:12px}
tr.finding:target>td,details.file:target>summary{background:#fff6d6}
details.note{margin:2px 0}
details.note>summary{cursor:pointer}
details.note ul{margin:4px 0 8px}
p.filtered{background:#fff6d6;border:1px solid #f0d98a;border-radius:8px;padding:8px 12px;margin:14px 0 0}
.muted{color:var(--muted)}
footer{color:var(--muted);font-size:12px;margin-top:30px;border-top:1px solid var(--line);padding-top:10px}
a{color:var(--accent);text-decoration:none}
a:hover{text-decoration:underline}
td.mono{white-space:nowrap}
th.group{text-align:center;border-bottom:1px solid var(--line);color:var(--ink)}
table.findings tr.finding>td{border-bottom:0;padding-bottom:0}
table.findings tr.code>td{padding-top:2px}
table.findings tr.blocking>td:first-child{box-shadow:inset 3px 0 0 var(--none)}
@media print{
 body{background:#fff;font-size:10.5pt}
 header.top{padding:12px 16px}
 main{max-width:none;padding:0 8px}
 .toolbar,button.toggle::before,a.anchor{display:none}
 .card,.tablewrap,figure,tr{break-inside:avoid}
 h2{break-after:avoid}
 .grid2{grid-template-columns:1fr 1fr}
 .cards{grid-template-columns:repeat(2,1fr)}
 a{color:inherit;text-decoration:none}
 .tablewrap{overflow:visible}
}
`;

/** Sorting the component table, expanding a component's files, following links to findings, searching findings. Plain DOM, no globals left behind. */
export const SCRIPT = `(function () {
  var root = document.documentElement;
  root.classList.remove('no-js');
  root.classList.add('js');
  var table = document.getElementById('components-table');
  if (!table) return;
  function setOpen(button, open) {
    var detail = document.getElementById(button.getAttribute('aria-controls'));
    if (!detail) return;
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
    detail.classList.toggle('collapsed', !open);
  }
  table.addEventListener('click', function (e) {
    var button = e.target.closest ? e.target.closest('button.toggle') : null;
    if (button) setOpen(button, button.getAttribute('aria-expanded') !== 'true');
  });
  function toggles() { return table.querySelectorAll('button.toggle'); }
  var expand = document.getElementById('expand-all');
  var collapse = document.getElementById('collapse-all');
  if (expand) expand.addEventListener('click', function () { toggles().forEach(function (b) { setOpen(b, true); }); });
  if (collapse) collapse.addEventListener('click', function () { toggles().forEach(function (b) { setOpen(b, false); }); });
  var heads = table.querySelectorAll('thead th[data-sort]');
  function sortBy(th) {
    var index = Number(th.getAttribute('data-col'));
    var numeric = th.getAttribute('data-sort') === 'num';
    var current = th.getAttribute('aria-sort');
    var dir = current ? (current === 'ascending' ? -1 : 1) : (numeric ? -1 : 1);
    heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
    var bodies = Array.prototype.slice.call(table.tBodies);
    function key(body) {
      var cell = body.rows[0].cells[index];
      var v = cell ? cell.getAttribute('data-v') : '';
      return numeric ? Number(v) : String(v).toLowerCase();
    }
    bodies.sort(function (a, b) {
      var x = key(a), y = key(b);
      return (x < y ? -1 : x > y ? 1 : 0) * dir;
    });
    bodies.forEach(function (b) { table.appendChild(b); });
  }
  heads.forEach(function (th) {
    th.tabIndex = 0;
    th.addEventListener('click', function () { sortBy(th); });
    th.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sortBy(th); } });
  });
  // A link to a component, a file or a finding (#c-1, #f2, #f2-3) opens what holds it.
  function reveal(id) {
    var el = id ? document.getElementById(id) : null;
    if (!el || !table.contains(el)) return;
    var body = el.closest('tbody.component');
    var button = body ? body.querySelector('button.toggle') : null;
    if (button) setOpen(button, true);
    var file = el.closest('details.file');
    if (file) file.open = true;
    el.scrollIntoView({ block: 'center' });
  }
  function fromHash() { reveal(decodeURIComponent(location.hash.slice(1))); }
  window.addEventListener('hashchange', fromHash);
  document.addEventListener('click', function (e) {
    var a = e.target.closest ? e.target.closest('a[href^="#"]') : null;
    if (a && a.getAttribute('href') === location.hash) reveal(location.hash.slice(1));
  });
  fromHash();
  // Search over the findings the page lists: API, file, family, replacements and the line of code.
  var search = document.getElementById('finding-search');
  var count = document.getElementById('search-count');
  if (!search) return;
  var rows = Array.prototype.slice.call(table.querySelectorAll('tr.finding')).map(function (row) {
    var file = row.closest('details.file');
    var code = row.nextElementSibling;
    var path = file ? file.querySelector('summary code').textContent : '';
    return { row: row, code: code, file: file, text: (path + ' ' + row.textContent + ' ' + (code ? code.textContent : '')).toLowerCase() };
  });
  var timer = 0;
  function apply() {
    var words = search.value.trim().toLowerCase().split(/\\s+/).filter(Boolean);
    var files = new Map();
    var hits = 0;
    rows.forEach(function (r) {
      var match = words.every(function (w) { return r.text.indexOf(w) >= 0; });
      if (match) hits++;
      r.row.classList.toggle('nomatch', !match && words.length > 0);
      if (r.code) r.code.classList.toggle('nomatch', !match && words.length > 0);
      if (r.file) files.set(r.file, (files.get(r.file) || false) || match);
    });
    table.querySelectorAll('details.file').forEach(function (d) {
      var has = files.get(d) || false;
      d.classList.toggle('nomatch', words.length > 0 && !has);
      if (words.length && has) d.open = true;
    });
    Array.prototype.forEach.call(table.tBodies, function (b) {
      var has = !!b.querySelector('tr.finding:not(.nomatch)');
      b.classList.toggle('nomatch', words.length > 0 && !has);
      var button = b.querySelector('button.toggle');
      if (button && words.length) setOpen(button, has);
    });
    if (count) count.textContent = words.length ? (hits ? hits + ' ' + count.getAttribute('data-label') : count.getAttribute('data-none')) : '';
  }
  search.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(apply, 120); });
  search.addEventListener('keydown', function (e) { if (e.key === 'Enter') { clearTimeout(timer); apply(); } });
})();
`;
