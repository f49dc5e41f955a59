import type { CaptureDiagnostics } from './captureDiagnostics';

/** The diagnostics as a person reads them (the CLI's `--explain`, the extension's details view). */
export function describeCapture(d: CaptureDiagnostics): string {
  const lines: string[] = [];
  lines.push(
    d.path === 'profile' && d.profile
      ? `Read with the ${d.profile.name} profile (${d.profile.id}).`
      : `Read with the generic extractor${d.profile ? ` (profile ${d.profile.id} did not fit)` : ''}.`,
  );
  lines.push(
    `Institution ${d.institution}, account ${d.account}, as of ${d.asOf}, default currency ${d.currency}.`,
  );
  const captured = d.groups.reduce((s, g) => s + g.captured, 0);
  lines.push(`${captured} transactions, confidence ${Math.round(d.confidence * 100)}%.`);
  if (d.noTransactionsReason) lines.push(`No transactions found: ${d.noTransactionsReason}.`);
  lines.push(
    `Signs: ${d.signConvention.convention}, ${d.signConvention.decidedBy === 'assumed' ? 'assumed (nothing on the page decided)' : `decided by ${d.signConvention.decidedBy === 'forced' ? 'the saved choice for this site' : `"${d.signConvention.decidedBy}"`}`}.`,
  );
  lines.push(d.verified ? 'Verified: every self-check passed.' : 'NOT VERIFIED: a self-check failed.');
  for (const c of d.checks) {
    const rows = c.rows.length > 0 ? ` (rows ${c.rows.join(', ')})` : '';
    lines.push(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.kind}: ${c.message}${rows}`);
  }
  for (const r of d.duplicateRegions) lines.push(`Duplicate: ${r.message}`);
  d.groups.forEach((g, i) => {
    lines.push('');
    lines.push(
      `Group ${i + 1}${g.section ? ` under "${g.section}"` : ''}: ${g.captured} of ${g.rows} rows read.`,
    );
    lines.push(`  columns: ${g.columns.join(' | ')}`);
    for (const [field, key] of Object.entries(g.mapping)) {
      const how = g.reasons[field as keyof typeof g.reasons];
      lines.push(`  ${field.padEnd(11)} ← ${key}${how ? ` (by ${how})` : ''}`);
    }
    if (g.dateOrder || g.decimalSeparator) {
      lines.push(`  dates ${g.dateOrder ?? '?'}, decimal separator "${g.decimalSeparator ?? '?'}"`);
    }
  });
  if (d.skipped.length > 0) {
    lines.push('');
    lines.push('Skipped rows:');
    for (const s of d.skipped) lines.push(`  row ${s.row}: ${s.reason} — ${s.text}`);
  }
  for (const w of d.drift) lines.push(`Drift: ${w}`);
  for (const n of d.notes) lines.push(`Note: ${n}`);
  lines.push('');
  lines.push(`Mapping to correct and pass back with --mapping: ${JSON.stringify(d.mapping)}`);
  return `${lines.join('\n')}\n`;
}
