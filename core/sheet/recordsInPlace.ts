import type { HeaderIndex } from './headerIndex';
import { rowSources } from './rowSources';
import type { SheetRecord } from './workbookLayout';

/**
 * The records reordered so that each one whose key is already on the tab lands on that same row;
 * new keys take the rows whose keys are gone, then go below. A writer that cannot move a row's
 * notes, fills and formats (the Sheets API without copy-paste) thus never has to: they stay with
 * their row because the row stays where it was.
 */
export function recordsInPlace(
  rows: readonly (readonly unknown[])[],
  index: HeaderIndex,
  records: readonly SheetRecord[],
  key: string | readonly string[],
): SheetRecord[] {
  const sources = rowSources(rows, index, records, key);
  const placed: Array<SheetRecord | undefined> = new Array(rows.length).fill(undefined);
  const fresh: SheetRecord[] = [];
  records.forEach((record, r) => {
    const at = sources[r];
    if (at !== undefined && placed[at] === undefined) placed[at] = record;
    else fresh.push(record);
  });
  const out: SheetRecord[] = [];
  for (const record of placed) out.push(record ?? fresh.shift() ?? {});
  out.push(...fresh);
  // Rows left blank at the end are not records: the writer blanks them anyway.
  while (out.length > 0 && Object.keys(out[out.length - 1]!).length === 0) out.pop();
  return out;
}
