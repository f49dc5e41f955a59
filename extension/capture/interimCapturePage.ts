import { parseDate } from '../../core/dates/parseDate';
import { assignIds } from '../../core/ids/assignIds';
import type { Transaction, TransactionDraft } from '../../core/model/transaction';
import { parseAmount } from '../../core/money/parseAmount';

/**
 * Stand-in with core/capture/capturePage's signature until that lands (then captureDocument.ts
 * imports the real one and this file goes): reads the largest table with date and amount headers.
 */
export function capturePage(
  root: Document | Element,
  options: { url: string; asOf?: string; capturedAt?: string; mapping?: Record<string, string> },
): { transactions: Transaction[]; diagnostics: unknown } {
  const tables = [...root.querySelectorAll('table')];
  const headersOf = (t: HTMLTableElement) =>
    [...t.querySelectorAll('thead th, tr:first-child th')].map((th) => th.textContent?.trim() ?? '');
  const guess = (headers: string[]) => {
    const find = (re: RegExp) => headers.find((h) => re.test(h));
    const mapping: Record<string, string> = {};
    for (const [field, re] of [
      ['date', /date/i],
      ['description', /desc|details|memo|payee/i],
      ['amount', /amount/i],
      ['status', /status/i],
      ['balance', /balance/i],
    ] as const) {
      const h = find(re);
      if (h) mapping[field] = h;
    }
    return { ...mapping, ...options.mapping };
  };
  const table = tables
    .filter((t) => {
      const m = guess(headersOf(t));
      return m.date && m.amount;
    })
    .sort((a, b) => b.rows.length - a.rows.length)[0];
  if (!table) return { transactions: [], diagnostics: { headers: [], mapping: {}, warnings: [], rows: [] } };
  const headers = headersOf(table);
  const mapping = guess(headers);
  const col = (field: string) => (mapping[field] ? headers.indexOf(mapping[field]) : -1);
  const capturedAt = options.capturedAt ?? new Date().toISOString();
  const account = root.querySelector('[data-account]')?.getAttribute('data-account') ?? 'Account';
  const drafts: TransactionDraft[] = [];
  const rows: Array<{ row: number; cells: string[] }> = [];
  const warnings: string[] = [];
  [...table.querySelectorAll('tbody tr')].forEach((tr, i) => {
    const cells = [...tr.querySelectorAll('td')].map(
      (td) => td.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    );
    rows.push({ row: i + 1, cells });
    const date = parseDate(cells[col('date')] ?? '', options.asOf ? { asOf: options.asOf } : {});
    const amount = parseAmount(cells[col('amount')] ?? '', { currency: 'USD' });
    if (!date.ok || !amount.ok) {
      warnings.push(`row ${i + 1}: could not read the date or amount`);
      return;
    }
    const description = cells[col('description')] ?? '';
    drafts.push({
      institution: 'generic',
      account,
      date: date.value,
      description,
      amount: amount.value,
      status: /pending/i.test(cells[col('status')] ?? '') ? 'pending' : 'posted',
      kind: 'unknown',
      origin: { url: options.url, row: i + 1, capturedAt },
    });
  });
  return { transactions: assignIds(drafts), diagnostics: { headers, mapping, warnings, rows } };
}
