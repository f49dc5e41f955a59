import type { AccountType } from '../../model/account';
import { type Problem, problem } from '../../model/problem';

export type QifRecord = {
  fields: Map<string, string>;
  /** 1-based line of the record's first field. */
  line: number;
  account: string | undefined;
  type: AccountType;
  label: string;
};

export type QifRecords = {
  records: QifRecord[];
  /** `!Type:` and other headers read as not holding bank or card transactions. */
  skippedSections: Map<string, number>;
  /** Any `!Type:` section this reader imports, even an empty one. */
  sawTransactionSection: boolean;
  warnings: Problem[];
};

/** `!Type:` names (case and spacing vary by exporter) → account type and the label used when no account is named. */
const TYPES: Record<string, [AccountType, string]> = {
  bank: ['checking', 'Bank'],
  cash: ['other', 'Cash'],
  ccard: ['credit', 'Credit card'],
  'oth a': ['other', 'Asset'],
  'oth l': ['credit', 'Liability'],
};

/** `!Account` block types (`TBank`, `TCCard`, `TOth A`…) that name the account kind more precisely. */
const ACCOUNT_BLOCK_TYPES: Record<string, AccountType> = {
  bank: 'checking',
  ccard: 'credit',
  cash: 'other',
  'oth a': 'other',
  'oth l': 'credit',
};

const typeKey = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * QIF text → records of its bank, cash and card sections. A record ends at `^`; exporters that
 * never write `^` are read by starting a record at each repeated `D`. The last record of a file
 * without its `^` is kept when the file ends at a line end; when the file also ends inside a line,
 * or the record lacks a field every other record has (a cut download), in a file whose other
 * records close with `^`, that record is left out with a
 * warning naming the line, so a later import of the whole file neither duplicates nor changes it.
 */
export function readQifRecords(text: string, file: string): QifRecords {
  const lines = text.split(/\r\n|\r|\n/);
  const out: QifRecords = {
    records: [],
    skippedSections: new Map(),
    sawTransactionSection: false,
    warnings: [],
  };
  let section: [AccountType, string] | undefined;
  let skipping: string | undefined;
  let accountName: string | undefined;
  let accountType: AccountType | undefined;
  let inAccountBlock = false;
  let current = new Map<string, string>();
  let start = 0;
  let lastLine = 0;
  let terminated = 0;
  let split = 0;
  // The field codes every record so far has: a last record without one of them was cut.
  let everyRecordHas: Set<string> | undefined;

  const flush = () => {
    if (current.size === 0) return;
    if (inAccountBlock) {
      accountName = current.get('N') ?? accountName;
      const t = current.get('T');
      accountType = t ? ACCOUNT_BLOCK_TYPES[typeKey(t)] : undefined;
    } else if (section) {
      everyRecordHas = everyRecordHas
        ? new Set([...everyRecordHas].filter((c) => current.has(c)))
        : new Set(current.keys());
      out.records.push({
        fields: current,
        line: start,
        account: accountName,
        type: accountType ?? section[0],
        label: section[1],
      });
    } else if (skipping) {
      out.skippedSections.set(skipping, (out.skippedSections.get(skipping) ?? 0) + 1);
    }
    current = new Map();
  };

  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    lastLine = i + 1;
    if (line.startsWith('!')) {
      flush();
      const header = line.slice(1);
      const key = typeKey(header);
      inAccountBlock = key === 'account';
      if (key.startsWith('type:')) {
        section = TYPES[typeKey(key.slice(5))];
        skipping = section ? undefined : header.slice(5).trim();
        if (section) out.sawTransactionSection = true;
        else out.skippedSections.set(skipping!, out.skippedSections.get(skipping!) ?? 0);
      } else if (!inAccountBlock && !key.startsWith('option') && !key.startsWith('clear')) {
        section = undefined;
        skipping = header.trim();
        out.skippedSections.set(skipping, out.skippedSections.get(skipping) ?? 0);
      }
      return;
    }
    if (line === '^') {
      if (current.size > 0) terminated++;
      flush();
      return;
    }
    const code = line[0]!;
    if (code === 'D' && current.has('D') && !inAccountBlock) {
      split++;
      flush();
    }
    if (current.size === 0) start = i + 1;
    // Split lines (S, E, $) repeat; the first value per code is the transaction's own.
    if (!current.has(code)) current.set(code, line.slice(1).trim());
  });

  if (current.size > 0) {
    const endsInsideLine = !/[\r\n][ \t]*$/.test(text);
    const lacking = [...(everyRecordHas ?? [])].filter((c) => !current.has(c));
    if ((endsInsideLine || lacking.length > 0) && terminated > 0 && !inAccountBlock && section) {
      const why = endsInsideLine
        ? ''
        : ` (it has no ${lacking.join(', ')} line, which every other record has)`;
      out.warnings.push(
        problem(
          'file_truncated',
          `the file ends on line ${lastLine} inside the record begun on line ${start}, without its closing ^${why}: the download looks cut; that record is not imported (import the complete file)`,
          { file, line: lastLine },
        ),
      );
      current = new Map();
    } else if (terminated > 0 && section && !inAccountBlock) {
      out.warnings.push(
        problem(
          'unterminated_record',
          `the last record (line ${start}) has no closing ^; it is read as complete`,
          { file, line: start },
        ),
      );
    }
    flush();
  }
  if (split > 0) {
    out.warnings.push(
      problem(
        'unterminated_records',
        `${split} records without a closing ^ were told apart by their D line`,
        {
          file,
        },
      ),
    );
  }
  return out;
}
