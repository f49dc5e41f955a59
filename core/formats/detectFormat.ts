import { normalizeHeader } from './csv/normalizeHeader';
import { readCsvTable } from './csv/readCsvTable';

export type FileFormat =
  | 'ofx'
  | 'camt053'
  | 'qif'
  | 'stripe'
  | 'paypal'
  | 'square-transactions'
  | 'square-transfers'
  | 'bank-csv';

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
  const table = readCsvTable(text.slice(0, 16384));
  const h = new Set((table.header?.fields ?? []).map(normalizeHeader));
  if (h.has('balance transaction id') || (h.has('reporting category') && h.has('net'))) return 'stripe';
  // The older Stripe balance history export: `id, Type, Source, Amount, Fee, Net, …, Available On (UTC)`.
  if (h.has('id') && h.has('net') && (h.has('available on utc') || h.has('available on'))) return 'stripe';
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
  if (table.width > 1) return 'bank-csv';
  return undefined;
}
