import type { Transaction } from '../model/transaction';
import { type BankLine, lineText, readLine } from './bankLine';
import { NAMED_MASK, NAMED_PROCESSORS, NOT_FROM_PROCESSOR } from './bankText';
import {
  LINE_AMOUNT,
  LINE_CURRENCY,
  LINE_DAY,
  LINE_NOT_PAYOUT,
  LINE_ORDINAL,
  LINE_PROCESSOR,
  LINE_RECORD,
  type RefColumns,
} from './matchColumns';
import { appendTokenHashes, type HashList } from './referenceTokens';
import type { Codes } from './runColumns';
import type { Scratch } from './scratch';

/**
 * The run's bank lines (in posting order) as the columns the passes compare (see MatchColumns), and
 * each line's object (BankLine) made on first ask and kept: a run has a line per deposit and few of
 * them are ever looked at as more than a record, while an object per line lived as long as the run.
 */
export class BankLines {
  readonly length: number;
  /** Per line a record of LINE_RECORD numbers (see MatchColumns). */
  readonly records: Float64Array;
  /** Line i's reference hashes (see tokenHashes) are `refHash[refFrom[i] … refTo[i])`. */
  readonly refFrom: Int32Array;
  readonly refTo: Int32Array;
  readonly refHash: Int32Array;
  /**
   * Per ordinal of the run, the position of its bank line, -2 - r for payout r's payout line (see
   * PayoutUnits), -1 for any other transaction.
   */
  readonly indexOf: Int32Array;
  private made: Array<BankLine | undefined> | undefined;

  constructor(
    fields: Pick<BankLines, 'records' | 'refFrom' | 'refTo' | 'refHash' | 'indexOf'>,
    /** The run by ordinal. */
    private readonly transactions: readonly Transaction[],
    /** Each processor code's name (see MatchColumns). */
    readonly names: readonly string[],
  ) {
    this.length = fields.records.length / LINE_RECORD;
    this.records = fields.records;
    this.refFrom = fields.refFrom;
    this.refTo = fields.refTo;
    this.refHash = fields.refHash;
    this.indexOf = fields.indexOf;
  }

  /** Line `i`'s transaction, without making its object. */
  t(i: number): Transaction {
    return this.transactions[this.records[i * LINE_RECORD + LINE_ORDINAL]!]!;
  }

  /** Line `i` as an object, the same one each time. */
  at(i: number): BankLine {
    this.made ??= new Array<BankLine | undefined>(this.length);
    let line = this.made[i];
    if (line === undefined) {
      const at = i * LINE_RECORD;
      const r = this.records;
      const ordinal = r[at + LINE_ORDINAL]!;
      const t = this.transactions[ordinal]!;
      const processor = r[at + LINE_PROCESSOR]!;
      line = {
        t,
        ordinal,
        id: t.id,
        day: r[at + LINE_DAY]!,
        amount: r[at + LINE_AMOUNT]!,
        currency: t.amount.currency,
        processor: processor < 0 ? undefined : this.names[processor],
        notPayout: r[at + LINE_NOT_PAYOUT] === 1,
      };
      this.made[i] = line;
    }
    return line;
  }
}

/** What readBankLines reads of the run, by ordinal (see reconcile's runOrder). */
export type LineColumns = {
  /** The run by ordinal. */
  transactions: readonly Transaction[];
  days: Int32Array;
  minor: Float64Array;
  /** Currency codes, which `codes` numbers the same way. */
  currency: Int32Array;
};

/**
 * The bank lines at `ordinals` (ascending), and the reference hashes of the payout lines at
 * `payoutOrdinals` (ascending; see PayoutUnits: payout r's are `payoutRefs`' r). The texts are read
 * in input order (`input`, with `ordinalAt`: each input position's ordinal), the order the
 * transactions sit in memory: read in posting order, each text cost a cache miss. Processors named
 * get codes in `codes`.
 */
export function readBankLines(
  ordinals: Int32Array,
  payoutOrdinals: Int32Array,
  input: readonly Transaction[],
  ordinalAt: Int32Array,
  run: LineColumns,
  codes: Codes,
  scratch: Scratch,
): { lines: BankLines; payoutRefs: RefColumns } {
  const n = ordinals.length;
  const records = scratch.float64(n * LINE_RECORD);
  // Per ordinal: its line's position, or -2 - r for payout line r, -1 for any other.
  const indexOf = scratch.int32(run.transactions.length).fill(-1);
  for (let r = 0; r < payoutOrdinals.length; r++) indexOf[payoutOrdinals[r]!] = -2 - r;
  for (let i = 0; i < n; i++) {
    const k = ordinals[i]!;
    indexOf[k] = i;
    const at = i * LINE_RECORD;
    records[at + LINE_DAY] = run.days[k]!;
    records[at + LINE_CURRENCY] = run.currency[k]!;
    records[at + LINE_ORDINAL] = k;
    records[at + LINE_AMOUNT] = run.minor[k]!;
  }
  /** Per NAMED_PROCESSORS index + 1, its code (-1 until seen). */
  const namedCode = new Int32Array(NAMED_PROCESSORS.length + 1).fill(-1);
  const refFrom = scratch.int32(n);
  const refTo = scratch.int32(n);
  const hashes: HashList = { values: scratch.int32(n + 16), length: 0, columns: scratch };
  const payoutFrom = scratch.int32(payoutOrdinals.length);
  const payoutTo = scratch.int32(payoutOrdinals.length);
  const payoutHashes: HashList = {
    values: scratch.int32(payoutOrdinals.length + 16),
    length: 0,
    columns: scratch,
  };
  for (let p = 0; p < ordinalAt.length; p++) {
    const k = ordinalAt[p]!;
    if (k < 0) continue;
    const i = indexOf[k]!;
    if (i === -1) continue;
    const t = input[p]!;
    if (i < 0) {
      // A payout line: the references a bank line may repeat (see PayoutUnit.refs).
      const r = -2 - i;
      payoutFrom[r] = payoutHashes.length;
      appendTokenHashes(payoutHashes, t.payoutId);
      appendTokenHashes(payoutHashes, t.externalId);
      appendTokenHashes(payoutHashes, t.description);
      appendTokenHashes(payoutHashes, t.memo);
      payoutTo[r] = payoutHashes.length;
      continue;
    }
    const text = lineText(t);
    const read = readLine(t, text);
    const named = read & NAMED_MASK;
    let code = -1;
    if (named !== 0) {
      code = namedCode[named]!;
      if (code < 0) {
        code = codes.of(NAMED_PROCESSORS[named - 1]!);
        namedCode[named] = code;
      }
    }
    const at = i * LINE_RECORD;
    records[at + LINE_PROCESSOR] = code;
    records[at + LINE_NOT_PAYOUT] = read & NOT_FROM_PROCESSOR ? 1 : 0;
    refFrom[i] = hashes.length;
    appendTokenHashes(hashes, text);
    appendTokenHashes(hashes, t.externalId);
    refTo[i] = hashes.length;
  }
  return {
    lines: new BankLines(
      { records, refFrom, refTo, refHash: hashes.values, indexOf },
      run.transactions,
      codes.values,
    ),
    payoutRefs: { refFrom: payoutFrom, refTo: payoutTo, refHash: payoutHashes.values },
  };
}
