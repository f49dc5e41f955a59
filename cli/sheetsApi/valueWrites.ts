import type { sheets_v4 } from '@googleapis/sheets';
import { blockRange } from './a1';
import type { ApiTab } from './apiTab';
import type { SheetsGateway } from './sheetsGateway';

/**
 * Keeps each request well under the API's payload limits (about 10 MB; 2 MB is the recommended
 * size): big blocks are split by rows, and ranges are grouped into requests of at most this many
 * cells. Fewer, larger requests also keep `push` far from the per-minute request quotas.
 */
export const MAX_CELLS_PER_REQUEST = 50_000;

type Cell = string | number | boolean;

/** Collects absolute-range writes, then sends them: grid growth first, then values. */
export class ValueWrites {
  private readonly ranges: Array<{ range: string; values: Cell[][]; cells: number }> = [];
  private readonly rowsNeeded = new Map<ApiTab, number>();
  /** The ranges the API accepted so far: what a write that failed part-way did write. */
  readonly written: string[] = [];

  add(tab: ApiTab, row: number, column: number, values: Cell[][]): void {
    if (values.length === 0) return;
    const width = values[0]!.length;
    const rowsPerPiece = Math.max(1, Math.floor(MAX_CELLS_PER_REQUEST / Math.max(1, width)));
    for (let at = 0; at < values.length; at += rowsPerPiece) {
      const piece = values.slice(at, at + rowsPerPiece);
      this.ranges.push({
        range: blockRange(tab.name, row + at, column, piece.length, width),
        values: piece,
        cells: piece.length * width,
      });
    }
    const last = row + values.length - 1;
    this.rowsNeeded.set(tab, Math.max(this.rowsNeeded.get(tab) ?? 0, last));
  }

  /** Takes over another collection's writes, to send them with these. */
  merge(other: ValueWrites): void {
    this.ranges.push(...other.ranges);
    for (const [tab, rows] of other.rowsNeeded)
      this.rowsNeeded.set(tab, Math.max(this.rowsNeeded.get(tab) ?? 0, rows));
  }

  get size(): number {
    return this.ranges.length;
  }

  async send(gateway: SheetsGateway): Promise<number> {
    const grow: sheets_v4.Schema$Request[] = [];
    for (const [tab, rows] of this.rowsNeeded) {
      if (rows <= tab.rowCount) continue;
      tab.rowCount = rows;
      grow.push({
        updateSheetProperties: {
          properties: { sheetId: tab.sheetId, gridProperties: { rowCount: rows } },
          fields: 'gridProperties.rowCount',
        },
      });
    }
    let requests = 0;
    // Setting a row count is idempotent: safe to retry.
    if (grow.length > 0) {
      await gateway.update(grow, true);
      requests++;
    }
    let batch: sheets_v4.Schema$ValueRange[] = [];
    let cells = 0;
    for (const r of this.ranges) {
      if (batch.length > 0 && cells + r.cells > MAX_CELLS_PER_REQUEST) {
        await gateway.writeValues(batch);
        this.written.push(...batch.map((b) => b.range!));
        requests++;
        batch = [];
        cells = 0;
      }
      batch.push({ range: r.range, values: r.values });
      cells += r.cells;
    }
    if (batch.length > 0) {
      await gateway.writeValues(batch);
      this.written.push(...batch.map((b) => b.range!));
      requests++;
    }
    return requests;
  }
}
