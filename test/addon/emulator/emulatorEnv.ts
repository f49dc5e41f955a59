/** Costs of one emulated service call: a round trip plus a share per cell moved. */
export type CostModel = { perCallMs: number; perCellMs: number };

export const DEFAULT_COSTS: CostModel = { perCallMs: 25, perCellMs: 0.002 };

/**
 * State shared by every emulated service of one script run: the call counts, the emulated clock
 * (advanced by each call, read by the script through `Date.now`), the document lock and how values
 * are created in the script's realm (arrays and dates must come from the vm context, as they do in
 * Apps Script).
 */
export class EmulatorEnv {
  readonly calls = new Map<string, number>();
  totalCalls = 0;
  nowMs: number;
  /** Who holds the document lock: this execution, another one, or nobody. */
  lockHolder: 'none' | 'self' | 'other' = 'none';
  /** Every sheet write made while this execution did not hold the document lock. */
  readonly unlockedWrites: string[] = [];

  constructor(
    readonly costs: CostModel,
    startMs: number,
    readonly makeDate: (ms: number) => Date,
  ) {
    this.nowMs = startMs;
  }

  /** Records one service call and advances the clock by its cost. */
  call(name: string, cells = 0): void {
    this.calls.set(name, (this.calls.get(name) ?? 0) + 1);
    this.totalCalls++;
    this.nowMs += this.costs.perCallMs + cells * this.costs.perCellMs;
  }

  /** A call that changes a sheet: also notes when it happens outside the document lock. */
  write(name: string, cells = 0): void {
    this.call(name, cells);
    if (this.lockHolder !== 'self') this.unlockedWrites.push(name);
  }

  resetCounts(): void {
    this.calls.clear();
    this.totalCalls = 0;
  }
}
