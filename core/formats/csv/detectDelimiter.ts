import { parseCsv } from './parseCsv';

const CANDIDATES = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof CANDIDATES)[number];

/**
 * The delimiter that splits the first records into the most consistent number of fields (more
 * than one). Decimal commas in `;`-separated European files vary per line; the real delimiter
 * does not, and bank preamble lines are outvoted by the table below them.
 */
export function detectDelimiter(text: string): Delimiter {
  const sample = text.slice(0, 8192);
  let best: { delimiter: Delimiter; score: number } = { delimiter: ',', score: -1 };
  for (const delimiter of CANDIDATES) {
    const records = parseCsv(sample, delimiter).records.slice(0, 30);
    if (records.length > 1 && sample.length === 8192) records.pop(); // maybe cut mid-record
    const counts = new Map<number, number>();
    for (const r of records) counts.set(r.fields.length, (counts.get(r.fields.length) ?? 0) + 1);
    let modeWidth = 1;
    let modeCount = 0;
    for (const [width, count] of counts) {
      if (count > modeCount || (count === modeCount && width > modeWidth)) {
        modeWidth = width;
        modeCount = count;
      }
    }
    if (modeWidth < 2) continue;
    const score = (modeCount / records.length) * 100 + modeWidth;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}
