/**
 * The self-contained HTML report: one file, inline CSS, no script, no network; opens
 * from disk. Every value from the data is escaped. Pure.
 */
import type { RunSummary, ValueCount } from './summary.js';

const ESC: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attributes. */
export function escapeHtml(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ESC[c]!);
}

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

function bars(items: readonly ValueCount[], opts: { empty?: string; color?: string; limit?: number } = {}): string {
  if (items.length === 0) return `<p class="muted">${escapeHtml(opts.empty ?? 'None.')}</p>`;
  const list = items.slice(0, opts.limit ?? 20);
  const max = Math.max(...list.map((i) => i.count), 1);
  const rows = list
    .map(
      (i) => `<div class="bar-row"><div class="bar-label" title="${escapeHtml(i.value)}">${escapeHtml(i.value)}</div>` +
        `<div class="bar-track"><div class="bar" style="width:${((i.count / max) * 100).toFixed(1)}%;background:${opts.color ?? 'var(--accent)'}"></div></div>` +
        `<div class="bar-value">${fmt(i.count)}</div></div>`,
    )
    .join('');
  const more = items.length > list.length ? `<p class="muted">… and ${items.length - list.length} more</p>` : '';
  return `<div class="bars">${rows}</div>${more}`;
}

function fillChart(fill: RunSummary['fillRate']): string {
  const entries = Object.entries(fill);
  if (entries.length === 0) return '<p class="muted">No mapped fields.</p>';
  return `<div class="legend"><span class="sw before"></span> before <span class="sw after"></span> after</div><div class="bars">${entries
    .map(
      ([field, f]) => `<div class="bar-row"><div class="bar-label">${escapeHtml(field)}</div><div class="bar-track pair">` +
        `<div class="bar before" style="width:${(f.before * 100).toFixed(1)}%"></div><div class="bar after" style="width:${(f.after * 100).toFixed(1)}%"></div></div>` +
        `<div class="bar-value">${pct(f.before)} → ${pct(f.after)}</div></div>`,
    )
    .join('')}</div>`;
}

function histogram(h: readonly ValueCount[]): string {
  const max = Math.max(...h.map((x) => x.count), 1);
  return `<div class="hist">${h
    .map((x) => `<div class="col"><div class="col-bar" style="height:${((x.count / max) * 100).toFixed(1)}%" title="${fmt(x.count)}"></div><div class="col-value">${fmt(x.count)}</div><div class="col-label">${escapeHtml(x.value)}</div></div>`)
    .join('')}</div>`;
}

function table(head: readonly string[], rows: readonly (readonly unknown[])[]): string {
  if (rows.length === 0) return '<p class="muted">None.</p>';
  return `<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

const CSS = `
:root{--accent:#2f6fde;--bad:#d2462f;--ok:#2c9a5b;--muted:#6b7280;--bg:#f6f7f9;--card:#fff;--line:#e5e7eb}
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111827;background:var(--bg)}
header{background:#111827;color:#fff;padding:20px 32px}header h1{margin:0 0 4px;font-size:20px}header p{margin:0;color:#cbd5e1;font-size:13px}header code{background:#374151;color:#e5e7eb}
main{max-width:1100px;margin:0 auto;padding:24px 32px 48px}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin-bottom:20px}
.kpi{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:14px 16px}.kpi b{display:block;font-size:26px}.kpi span{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:16px}@media(max-width:800px){.grid{grid-template-columns:1fr}}
section{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:16px 18px;margin-bottom:16px;break-inside:avoid}
section h2{font-size:15px;margin:0 0 12px}
.bars{display:flex;flex-direction:column;gap:6px}.bar-row{display:grid;grid-template-columns:minmax(90px,38%) 1fr 120px;align-items:center;gap:8px}
.bar-label{overflow:hidden;text-overflow:ellipsis;white-space:nowrap;font-size:13px}.bar-track{background:#eef1f5;border-radius:4px;height:14px;position:relative;overflow:hidden}
.bar{height:100%;border-radius:4px}.bar-track.pair{height:18px}.bar-track.pair .bar{height:50%}.bar.before{background:#9ca3af}.bar.after{background:var(--ok)}
.bar-value{font-variant-numeric:tabular-nums;font-size:12px;color:var(--muted);text-align:right}
.legend{font-size:12px;color:var(--muted);margin-bottom:8px}.sw{display:inline-block;width:10px;height:10px;border-radius:2px;margin:0 4px 0 10px}.sw.before{background:#9ca3af}.sw.after{background:var(--ok)}
.hist{display:flex;align-items:flex-end;gap:6px;height:180px;padding-top:8px}.col{flex:1;display:flex;flex-direction:column;align-items:center;height:100%;justify-content:flex-end}
.col-bar{width:100%;background:var(--accent);border-radius:4px 4px 0 0;min-height:1px}.col-value{font-size:11px;color:var(--muted)}.col-label{font-size:10px;color:var(--muted);white-space:nowrap}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top}th{color:var(--muted);font-weight:600}
.muted{color:var(--muted)}code{font-size:12px;background:#eef1f5;padding:1px 4px;border-radius:3px}
.sev-error{color:var(--bad)}.sev-warning{color:#b45309}
footer{color:var(--muted);font-size:12px;text-align:center;padding:16px}`;

/**
 * Renders the run summary as one self-contained HTML page.
 *
 * @example
 * renderReportHtml(summarize(cleanse(rows))) //=> "<!doctype html>…"
 */
export function renderReportHtml(s: RunSummary): string {
  const meta = s.input;
  const source = [meta.format, meta.encoding, meta.delimiter ? `delimiter ${JSON.stringify(meta.delimiter)}` : null, meta.sheet ? `sheet “${meta.sheet}”` : null]
    .filter(Boolean)
    .join(', ');
  const kpi = (label: string, value: string) => `<div class="kpi"><b>${escapeHtml(value)}</b><span>${escapeHtml(label)}</span></div>`;
  const unresolved = s.topUnresolved
    .slice(0, 8)
    .map((u) => `<h3 style="font-size:13px;margin:12px 0 6px"><code>${escapeHtml(u.code)}</code>${u.field ? ` on ${escapeHtml(u.field)}` : ''}</h3>${bars(u.values, { color: 'var(--bad)', limit: 10 })}`)
    .join('');
  const mapping = table(
    ['column', 'field', 'how', 'confidence'],
    s.mapping.map((m) => [m.header, m.field ?? '(carried in extra)', m.method, m.confidence.toFixed(2)]),
  );
  const issues = `<table><thead><tr><th>issue</th><th>severity</th><th>count</th></tr></thead><tbody>${s.issuesByCode
    .map((i) => `<tr><td><code>${escapeHtml(i.value)}</code></td><td class="sev-${escapeHtml(i.severity)}">${escapeHtml(i.severity)}</td><td>${fmt(i.count)}</td></tr>`)
    .join('')}</tbody></table>`;
  const routing = s.routing
    ? `<div class="grid"><section><h2>Queues and owners</h2>${bars([...s.routing.queues, ...s.routing.owners.map((o) => ({ value: `owner: ${o.value}`, count: o.count }))], { empty: 'No assignment rules matched.' })}</section>` +
      `<section><h2>Nurture programs</h2>${bars(s.routing.nurture, { empty: 'No nurture programs.' })}</section></div>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>leadtidy report — ${escapeHtml(s.title)}</title><style>${CSS}</style></head>
<body><header><h1>leadtidy report — ${escapeHtml(s.title)}</h1>
<p>${escapeHtml(source)} · pack <code>${escapeHtml(`${s.pack.id}@${s.pack.version}`)}</code> <code>${escapeHtml(s.pack.hash)}</code></p></header>
<main>
<div class="kpis">${kpi('rows in', fmt(s.rows.in))}${kpi('clean', fmt(s.rows.clean))}${kpi('rejected', fmt(s.rows.rejected))}${kpi('merged duplicates', fmt(s.rows.merged))}${kpi('changed cells', fmt(s.changesByRule.reduce((n, c) => n + c.count, 0)))}${kpi('matched to accounts', s.accounts.rate === null ? '—' : pct(s.accounts.rate))}</div>
<div class="grid">
<section><h2>Rejected rows by reason</h2>${bars(s.rejectReasons, { color: 'var(--bad)', empty: 'No rows rejected.' })}</section>
<section><h2>Lead score distribution</h2>${s.scores ? `${histogram(s.scores.histogram)}<p class="muted">${fmt(s.scores.count)} scored · mean ${s.scores.mean} · min ${s.scores.min} · max ${s.scores.max}</p>` : '<p class="muted">The pack has no score rules.</p>'}</section>
</div>
<section><h2>Fill rate per field</h2>${fillChart(s.fillRate)}</section>
${routing}
<div class="grid">
<section><h2>Changes per rule</h2>${bars(s.changesByRule.map((c) => ({ value: c.value.startsWith(`${s.pack.id}:`) ? c.value.slice(s.pack.id.length + 1) : c.value, count: c.count })), { limit: 25 })}</section>
<section><h2>Top unresolved values</h2>${unresolved || '<p class="muted">Nothing unresolved.</p>'}</section>
</div>
<div class="grid">
<section><h2>Campaign membership</h2>${bars(s.campaigns, { empty: 'No campaign given (use --campaign or the pack’s campaign.name).' })}</section>
<section><h2>Duplicates and accounts</h2>${table(['', ''], [['duplicate clusters', fmt(s.duplicates.clusters)], ['rows merged', fmt(s.duplicates.merged)], ['leads matched to an account', s.accounts.total ? `${fmt(s.accounts.matched)} of ${fmt(s.accounts.total)}` : '— (no accounts given)']])}</section>
</div>
<section><h2>Column mapping</h2>${mapping}</section>
<section><h2>Issues by code</h2>${issues}</section>
</main><footer>Generated by leadtidy. Every change is in the change log; every rejected row keeps its original values.</footer></body></html>
`;
}
