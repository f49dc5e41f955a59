import { detectDelimiter } from './csv/detectDelimiter';
import { normalizeHeader } from './csv/normalizeHeader';
import { parseCsv } from './csv/parseCsv';

export type FileFormat =
  | 'ofx'
  | 'camt053'
  | 'qif'
  | 'stripe'
  | 'paypal'
  | 'square-transactions'
  | 'square-transfers'
  | 'bank-csv';

/** Header row of a CSV (its first line as wide as the table), normalized. */
function csvHeaders(text: string): Set<string> {
  const sample = text.slice(0, 16384);
  const records = parseCsv(sample, detectDelimiter(sample)).records.slice(0, 20);
  const width = Math.max(0, ...records.map((r) => r.fields.length));
  const header = records.find((r) => r.fields.length === width);
  return new Set((header?.fields ?? []).map(normalizeHeader));
}

/**
 * Decides the format from the content: markup and QIF headers first, then the CSV's header words
 * for the processors' exports. The file name only counts when the content fits nothing: a `.ofx`
 * without `<OFX>` is refused by the OFX importer, with its reason, rather than read as CSV.
 * Undefined when nothing fits.
 */
export function detectFormat(name: string, text: string): FileFormat | undefined {
  const head = text
    .slice(0, 4096)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (/^OFXHEADER\s*:/i.test(head) || /<\?OFX\s/i.test(head) || /<OFX>/i.test(head)) return 'ofx';
  if (/<(\w+:)?Document\b/.test(head) || /^<\?xml/i.test(head)) {
    // The only XML format besides OFX 2; the CAMT importer explains why other XML is refused.
    return 'camt053';
  }
  if (/^!(Type|Account|Option)/i.test(head)) return 'qif';
  // A named format whose content does not match goes to its importer, which says what is wrong.
  if (/\.(ofx|qfx)$/i.test(name)) return 'ofx';
  if (/\.xml$/i.test(name)) return 'camt053';
  if (/\.qif$/i.test(name)) return 'qif';
  const h = csvHeaders(text);
  if (h.has('balance transaction id') || (h.has('reporting category') && h.has('net'))) return 'stripe';
  if (
    h.has('transaction id') &&
    h.has('gross') &&
    h.has('net') &&
    (h.has('status') || h.has('balance impact'))
  )
    return 'paypal';
  if ((h.has('transfer id') || h.has('deposit id')) && !h.has('payment id') && !h.has('transaction id')) {
    return 'square-transfers';
  }
  if ((h.has('payment id') || h.has('transaction id')) && h.has('net total')) return 'square-transactions';
  if (h.size > 1) return 'bank-csv';
  return undefined;
}
