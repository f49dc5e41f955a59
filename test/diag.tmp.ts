import { readFileSync } from 'node:fs';
import { parseSavedPage } from '/work/wt/h-capgen/cli/parseSavedPage';
import { capturePage } from '/work/wt/h-capgen/core/capture/capturePage';
const f = process.argv[2]!;
const meta = JSON.parse(readFileSync(f.replace(/\.html$/, '.meta.json'), 'utf8'));
const r = capturePage(parseSavedPage(readFileSync(f, 'utf8')), { url: meta.url, asOf: meta.asOf });
const d = r.diagnostics;
console.log(JSON.stringify({ groups: d.groups.map(g => ({ rows: g.rows, captured: g.captured, mapping: g.mapping, reasons: g.reasons, columns: g.columns })), skipped: d.skipped.slice(0, 8), notes: d.notes, checks: d.checks, sign: d.signConvention, currency: d.currency }, null, 1));
for (const t of r.transactions) console.log(t.date, t.amount.minor, t.amount.currency, t.status, t.description);
