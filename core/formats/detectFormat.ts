import type { Problem } from '../model/problem';
import { readCsvTable } from './csv/readCsvTable';
import {
  type ProcessorFormat,
  type ProcessorLayout,
  recognizeProcessor,
} from './processors/recognizeProcessor';

export type FileFormat = 'ofx' | 'camt053' | 'qif' | ProcessorFormat | 'bank-csv';

export type Recognized =
  | { ok: true; format: FileFormat; layout?: ProcessorLayout }
  | { ok: false; problem: Problem }
  | undefined;

/**
 * Decides the format from the content: markup and QIF headers first, then, for a CSV, the roles its
 * columns play (processorRoles) for the processors' exports. The file name only counts when the
 * content fits nothing: a `.ofx` without `<OFX>` is refused by the OFX importer, with its reason,
 * rather than read as CSV. A CSV that looks like a processor export but lacks a column that
 * export needs is refused with what is missing; undefined when nothing fits.
 */
export function recognizeFormat(name: string, text: string): Recognized {
  const head = text
    .slice(0, 4096)
    .replace(/^\uFEFF/, '')
    .trimStart();
  const is = (format: FileFormat) => ({ ok: true as const, format });
  if (/^OFXHEADER\s*:/i.test(head) || /<\?OFX\s/i.test(head) || /<OFX>/i.test(head)) return is('ofx');
  if (/<(\w+:)?Document\b/.test(head) || /^<\?xml/i.test(head)) {
    // The only XML format besides OFX 2; the CAMT importer explains why other XML is refused.
    return is('camt053');
  }
  if (/^!(Type|Account|Option)/i.test(head)) return is('qif');
  // A named format whose content does not match goes to its importer, which says what is wrong.
  if (/\.(ofx|qfx)$/i.test(name)) return is('ofx');
  if (/\.xml$/i.test(name)) return is('camt053');
  if (/\.qif$/i.test(name)) return is('qif');
  const table = readCsvTable(text.slice(0, 16384));
  const processor = recognizeProcessor(
    table.header?.fields ?? [],
    table.body.map((r) => r.fields),
  );
  if (processor?.ok) return { ok: true, format: processor.layout.format, layout: processor.layout };
  if (processor) return processor;
  if (table.width > 1) return is('bank-csv');
  return undefined;
}

/** The format alone (see recognizeFormat); undefined also for a refused processor export. */
export function detectFormat(name: string, text: string): FileFormat | undefined {
  const r = recognizeFormat(name, text);
  return r?.ok ? r.format : undefined;
}
