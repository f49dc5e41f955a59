import { parseDate } from '../dates/parseDate';
import { sha256Hex } from '../ids/sha256Hex';
import { didYouMean } from '../model/closestName';
import { type Problem, problem } from '../model/problem';
import {
  type Action,
  type Condition,
  parseRule,
  RULE_SCHEMA_VERSION,
  type Rule,
  type SplitAction,
  type TextField,
} from '../model/rule';
import { sortRules } from './ruleOrder';

/**
 * The Rules tab: one row per rule, in the spirit of Tiller's AutoCat sheet. Filter columns say
 * which transactions a rule takes (all of them must hold, or any with Match = any), override
 * columns say what it sets. A list cell (`STRIPE, SQUARE`) means any of its values; a value with a
 * comma is written in double quotes. What the columns cannot say (negations, nested groups, a
 * second condition on one column) lives as JSON in the last column, so every rule round-trips.
 * Rows are written in run order; a row without a Rank runs in sheet order.
 */
type TextColumn = { header: string; field: TextField; op: 'contains' | 'startsWith' | 'is' | 'matches' };

const TEXT_COLUMNS: TextColumn[] = [
  { header: 'Description Contains', field: 'description', op: 'contains' },
  { header: 'Description Starts With', field: 'description', op: 'startsWith' },
  { header: 'Description Is', field: 'description', op: 'is' },
  { header: 'Description Matches', field: 'description', op: 'matches' },
  { header: 'Payee Is', field: 'payee', op: 'is' },
  { header: 'Payee Contains', field: 'payee', op: 'contains' },
  { header: 'Account', field: 'account', op: 'is' },
  { header: 'Institution', field: 'institution', op: 'is' },
  { header: 'Kind', field: 'kind', op: 'is' },
  { header: 'Currency', field: 'currency', op: 'is' },
  { header: 'Status', field: 'status', op: 'is' },
];

const H = {
  id: 'Rule ID',
  name: 'Name',
  enabled: 'Enabled',
  stage: 'Stage',
  rank: 'Rank',
  match: 'Match',
  amountMin: 'Amount Min',
  amountMax: 'Amount Max',
  amountEquals: 'Amount Equals',
  direction: 'Direction',
  dateFrom: 'Date From',
  dateTo: 'Date To',
  category: 'Category',
  payee: 'Rename Payee',
  tags: 'Add Tags',
  transfer: 'Transfer',
  note: 'Note',
  split: 'Split',
  stop: 'Stop',
  more: 'More (JSON)',
} as const;

export const RULES_SHEET_HEADERS: string[] = [
  H.id,
  H.name,
  H.enabled,
  H.stage,
  H.rank,
  H.match,
  ...TEXT_COLUMNS.map((c) => c.header),
  H.amountMin,
  H.amountMax,
  H.amountEquals,
  H.direction,
  H.dateFrom,
  H.dateTo,
  H.category,
  H.payee,
  H.tags,
  H.transfer,
  H.note,
  H.split,
  H.stop,
  H.more,
];

/** Header row first, then one row per rule in run order. */
export function rulesToRows(rules: readonly Rule[]): string[][] {
  return [RULES_SHEET_HEADERS, ...sortRules(rules).map(ruleToRow)];
}

function ruleToRow(rule: Rule): string[] {
  const cells = new Map<string, string>();
  const put = (header: string, value: string) => {
    if (cells.has(header)) return false;
    cells.set(header, value);
    return true;
  };
  const any = rule.conditionsOp === 'or';
  // Min and Max (From and To) read back as one "between", which must be in order.
  const amountsInOrder = (low: string | undefined, high: string | undefined) =>
    low === undefined || high === undefined || Number(low) <= Number(high);
  const datesInOrder = (low: string | undefined, high: string | undefined) =>
    low === undefined || high === undefined || low <= high;
  const has = (field: string, op: string) =>
    rule.conditions.some((c) => c.field === field && 'op' in c && c.op === op);
  const placeCondition = (c: Condition): boolean => {
    if ('conditions' in c || c.not) return false;
    if (c.field === 'amount') {
      switch (c.op) {
        case 'between':
          return (
            !cells.has(H.amountMin) &&
            !cells.has(H.amountMax) &&
            put(H.amountMin, c.min!) &&
            put(H.amountMax, c.max!)
          );
        // Min and Max on one row read back as one "between": only safe when one of them is used.
        case 'gte':
          return (
            !(any && has('amount', 'lte')) &&
            amountsInOrder(c.value!, cells.get(H.amountMax)) &&
            put(H.amountMin, c.value!)
          );
        case 'lte':
          return (
            !(any && has('amount', 'gte')) &&
            amountsInOrder(cells.get(H.amountMin), c.value!) &&
            put(H.amountMax, c.value!)
          );
        case 'is':
          return put(H.amountEquals, c.value!);
        case 'inflow':
        case 'outflow':
          return put(H.direction, c.op === 'inflow' ? 'in' : 'out');
        default:
          return false;
      }
    }
    if (c.field === 'date') {
      switch (c.op) {
        case 'between':
          return (
            !cells.has(H.dateFrom) && !cells.has(H.dateTo) && put(H.dateFrom, c.min!) && put(H.dateTo, c.max!)
          );
        case 'onOrAfter':
          return (
            !(any && has('date', 'onOrBefore')) &&
            datesInOrder(c.value!, cells.get(H.dateTo)) &&
            put(H.dateFrom, c.value!)
          );
        case 'onOrBefore':
          return (
            !(any && has('date', 'onOrAfter')) &&
            datesInOrder(cells.get(H.dateFrom), c.value!) &&
            put(H.dateTo, c.value!)
          );
        default:
          return false;
      }
    }
    const op = c.op === 'oneOf' ? 'is' : c.op;
    const column = TEXT_COLUMNS.find((col) => col.field === c.field && col.op === op);
    // A cell is trimmed when read, which would change a pattern with spaces at its ends.
    if (!column || (c.op === 'matches' && c.value !== (c.value as string).trim())) return false;
    const value = Array.isArray(c.value)
      ? joinList(c.value)
      : c.op === 'matches'
        ? c.value
        : joinList([c.value]);
    return put(column.header, value);
  };
  const placeAction = (a: Action): boolean => {
    switch (a.type) {
      case 'setCategory':
        return put(H.category, a.category);
      case 'setPayee':
        return put(H.payee, a.payee);
      case 'addTags':
        return put(H.tags, joinList(a.tags));
      case 'markTransfer':
        return put(H.transfer, 'TRUE');
      case 'appendNote':
        return put(H.note, a.note);
      case 'split': {
        const text = splitToText(a);
        return text !== undefined && put(H.split, text);
      }
    }
  };
  const moreConditions = rule.conditions.filter((c) => !placeCondition(c));
  const moreActions = rule.actions.filter((a) => !placeAction(a));
  cells.set(H.id, rule.id);
  cells.set(H.name, rule.name ?? '');
  cells.set(H.enabled, rule.enabled ? 'TRUE' : 'FALSE');
  cells.set(H.stage, rule.stage);
  cells.set(H.rank, String(rule.rank));
  cells.set(H.match, any ? 'any' : 'all');
  cells.set(H.stop, rule.stop ? 'TRUE' : '');
  if (moreConditions.length > 0 || moreActions.length > 0) {
    cells.set(
      H.more,
      JSON.stringify({
        ...(moreConditions.length > 0 ? { conditions: moreConditions } : {}),
        ...(moreActions.length > 0 ? { actions: moreActions } : {}),
      }),
    );
  }
  return RULES_SHEET_HEADERS.map((h) => cells.get(h) ?? '');
}

/** "Meals: 50%; Travel: 50%" or "Supplies: 25.00; Office: rest"; undefined when a part has a note. */
function splitToText(a: SplitAction): string | undefined {
  if (a.parts.some((p) => p.note !== undefined || p.category.includes(';'))) return undefined;
  const parts = a.parts.map((p) => `${p.category}: ${p.percent !== undefined ? `${p.percent}%` : p.amount}`);
  if (a.remainder !== undefined) parts.push(`${a.remainder}: rest`);
  return parts.join('; ');
}

/**
 * Reads the tab back. The first row names the columns (any order, case-insensitive; missing
 * columns are empty). Each problem names the sheet row (the header is row 1) and the column; a row
 * with problems yields no rule, the other rows still do.
 */
export function rowsToRules(rows: readonly (readonly string[])[]): { rules: Rule[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const known = new Map(RULES_SHEET_HEADERS.map((h) => [h.toLowerCase(), h]));
  const header = (rows[0] ?? []).map((cell, i) => {
    const name = cellText(cell);
    const canonical = known.get(name.toLowerCase());
    if (name !== '' && !canonical) {
      problems.push(
        problem(
          'unknown_column',
          `column "${name}" is not a Rules column${didYouMean(name, RULES_SHEET_HEADERS)}; it is ignored`,
          {
            path: ['rows', 0, i],
            row: 1,
            field: name,
          },
        ),
      );
    }
    return canonical;
  });
  const rules: Rule[] = [];
  const seen = new Set<string>();
  rows.slice(1).forEach((cells, index) => {
    const sheetRow = index + 2;
    if (cells.every((c) => cellText(c) === '')) return;
    const read = new Map<string, string>();
    header.forEach((h, i) => {
      if (h) read.set(h, cellText(cells[i]));
    });
    const row = readRow(read, sheetRow, cells);
    problems.push(...row.problems);
    if (row.problems.length > 0 || !row.rule) return;
    if (seen.has(row.rule.id)) {
      problems.push(
        problem('duplicate_rule_id', `rule id "${row.rule.id}" is used by an earlier row`, {
          path: ['rows', sheetRow - 1, H.id],
          row: sheetRow,
          field: H.id,
        }),
      );
      return;
    }
    seen.add(row.rule.id);
    rules.push(row.rule);
  });
  return { rules, problems };
}

/** Sheets hand back numbers and booleans for typed cells; a missing cell is empty. */
const cellText = (cell: unknown) => (cell === undefined || cell === null ? '' : String(cell)).trim();

const TRUE_WORDS = new Set(['true', 'yes', 'y', 'x', '1', '✓']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0']);

function readRow(
  cells: Map<string, string>,
  sheetRow: number,
  raw: readonly string[],
): { rule?: Rule; problems: Problem[] } {
  const problems: Problem[] = [];
  const at = (column: string, code: string, message: string) =>
    problems.push(
      problem(code, `${column}: ${message}`, {
        path: ['rows', sheetRow - 1, column],
        row: sheetRow,
        field: column,
      }),
    );
  const get = (column: string) => cells.get(column) ?? '';
  const flag = (column: string, fallback: boolean) => {
    const text = get(column).toLowerCase();
    if (text === '') return fallback;
    if (TRUE_WORDS.has(text)) return true;
    if (FALSE_WORDS.has(text)) return false;
    at(column, 'invalid_boolean', `"${get(column)}" is not TRUE or FALSE`);
    return fallback;
  };

  const conditions: Condition[] = [];
  const actions: Action[] = [];
  /** Which column each condition and action came from, to name it in problems. */
  const conditionColumns: string[] = [];
  const actionColumns: string[] = [];
  const addCondition = (column: string, c: Condition) => {
    conditions.push(c);
    conditionColumns.push(column);
  };
  const addAction = (column: string, a: Action) => {
    actions.push(a);
    actionColumns.push(column);
  };

  for (const col of TEXT_COLUMNS) {
    const text = get(col.header);
    if (text === '') continue;
    if (col.op === 'matches') {
      addCondition(col.header, { field: col.field, op: 'matches', value: text });
      continue;
    }
    const values = splitList(text);
    if (col.op === 'is') {
      addCondition(
        col.header,
        values.length === 1
          ? { field: col.field, op: 'is', value: values[0]! }
          : { field: col.field, op: 'oneOf', value: values },
      );
    } else {
      addCondition(col.header, {
        field: col.field,
        op: col.op,
        value: values.length === 1 ? values[0]! : values,
      });
    }
  }

  const amount = (column: string) => {
    const text = get(column);
    if (text === '') return undefined;
    const decimal = cellDecimal(text);
    if (decimal === undefined) at(column, 'invalid_amount', `"${text}" is not an amount such as -12.50`);
    return decimal;
  };
  const min = amount(H.amountMin);
  const max = amount(H.amountMax);
  if (min !== undefined && max !== undefined)
    addCondition(H.amountMin, { field: 'amount', op: 'between', min, max });
  else if (min !== undefined) addCondition(H.amountMin, { field: 'amount', op: 'gte', value: min });
  else if (max !== undefined) addCondition(H.amountMax, { field: 'amount', op: 'lte', value: max });
  const equals = amount(H.amountEquals);
  if (equals !== undefined) addCondition(H.amountEquals, { field: 'amount', op: 'is', value: equals });
  const direction = get(H.direction).toLowerCase();
  if (['in', 'inflow', 'money in', 'credit', 'deposit'].includes(direction)) {
    addCondition(H.direction, { field: 'amount', op: 'inflow' });
  } else if (['out', 'outflow', 'money out', 'debit', 'withdrawal'].includes(direction)) {
    addCondition(H.direction, { field: 'amount', op: 'outflow' });
  } else if (direction !== '') {
    at(H.direction, 'invalid_choice', `"${get(H.direction)}" is not "in" or "out"`);
  }

  const date = (column: string) => {
    const text = get(column);
    if (text === '') return undefined;
    const parsed = parseDate(text);
    if (!parsed.ok) at(column, 'invalid_date', `"${text}" is not a date such as 2026-01-31`);
    return parsed.ok ? parsed.value : undefined;
  };
  const from = date(H.dateFrom);
  const to = date(H.dateTo);
  if (from !== undefined && to !== undefined)
    addCondition(H.dateFrom, { field: 'date', op: 'between', min: from, max: to });
  else if (from !== undefined) addCondition(H.dateFrom, { field: 'date', op: 'onOrAfter', value: from });
  else if (to !== undefined) addCondition(H.dateTo, { field: 'date', op: 'onOrBefore', value: to });

  if (get(H.category)) addAction(H.category, { type: 'setCategory', category: get(H.category) });
  if (get(H.payee)) addAction(H.payee, { type: 'setPayee', payee: get(H.payee) });
  if (get(H.tags)) addAction(H.tags, { type: 'addTags', tags: splitList(get(H.tags)) });
  if (flag(H.transfer, false)) addAction(H.transfer, { type: 'markTransfer' });
  if (get(H.note)) addAction(H.note, { type: 'appendNote', note: get(H.note) });
  if (get(H.split)) {
    const split = textToSplit(get(H.split));
    if (typeof split === 'string') at(H.split, 'invalid_split', split);
    else addAction(H.split, split);
  }

  const more = get(H.more);
  if (more !== '') {
    let extra: unknown;
    try {
      extra = JSON.parse(more);
    } catch {
      at(H.more, 'invalid_json', 'is not valid JSON');
    }
    if (extra !== undefined) {
      const { conditions: c = [], actions: a = [] } = (extra ?? {}) as {
        conditions?: unknown;
        actions?: unknown;
      };
      const unknown = typeof extra === 'object' && extra !== null ? Object.keys(extra) : [];
      for (const key of unknown.filter((k) => k !== 'conditions' && k !== 'actions')) {
        at(H.more, 'unknown_field', `unknown field "${key}"${didYouMean(key, ['conditions', 'actions'])}`);
      }
      if (typeof extra !== 'object' || extra === null || !Array.isArray(c) || !Array.isArray(a)) {
        at(H.more, 'invalid_json', 'expected {"conditions": […], "actions": […]}');
      } else {
        for (const x of c) addCondition(H.more, x as Condition);
        for (const x of a) addAction(H.more, x as Action);
      }
    }
  }

  const rankText = get(H.rank);
  const rank = rankText === '' ? sheetRow : Number(rankText);
  if (rankText !== '' && !Number.isFinite(rank))
    at(H.rank, 'invalid_number', `"${rankText}" is not a number`);
  const matchText = get(H.match).toLowerCase();
  const conditionsOp = matchText === 'any' || matchText === 'or' ? 'or' : 'and';
  if (!['', 'all', 'and', 'any', 'or'].includes(matchText)) {
    at(H.match, 'invalid_choice', `"${get(H.match)}" is not "all" or "any"`);
  }
  const stop = flag(H.stop, false);
  const enabled = flag(H.enabled, true);
  if (problems.length > 0) return { problems };

  const id = get(H.id) || `row-${sha256Hex(raw.join('\u001f')).slice(0, 12)}`;
  const parsed = parseRule({
    schemaVersion: RULE_SCHEMA_VERSION,
    id,
    ...(get(H.name) ? { name: get(H.name) } : {}),
    enabled,
    stage: get(H.stage).toLowerCase() || 'default',
    rank,
    ...(stop ? { stop } : {}),
    conditionsOp,
    conditions,
    actions,
  });
  if (parsed.ok) return { rule: parsed.value, problems };
  const META: Record<string, string> = {
    id: H.id,
    name: H.name,
    stage: H.stage,
    rank: H.rank,
    conditionsOp: H.match,
    enabled: H.enabled,
    stop: H.stop,
  };
  for (const p of parsed.problems) {
    const [key, index] = p.path;
    const column =
      key === 'conditions' && typeof index === 'number'
        ? conditionColumns[index]
        : key === 'actions' && typeof index === 'number'
          ? actionColumns[index]
          : key === 'actions'
            ? H.category
            : META[String(key)];
    at(column ?? H.more, p.code, p.message);
  }
  return { problems };
}

/** "$1,234.50", "(12.00)", "-12.5" → a rule decimal; undefined when it is not an amount. */
function cellDecimal(text: string): string | undefined {
  let s = text.replace(/[\s,$€£]/g, '').replace(/^\+/, '');
  if (/^\(.*\)$/.test(s)) s = `-${s.slice(1, -1)}`;
  s = s.replace(/^-?\./, (m) => m.replace('.', '0.'));
  return /^-?\d{1,13}(\.\d{1,4})?$/.test(s) ? s : undefined;
}

/** Parses "Meals: 50%; Travel: 50%" or "Supplies: 25.00; Office: rest"; a string is the problem. */
function textToSplit(text: string): SplitAction | string {
  const parts: SplitAction['parts'] = [];
  let remainder: string | undefined;
  for (const piece of text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const colon = piece.lastIndexOf(':');
    if (colon <= 0) return `"${piece}" should be "Category: 50%", "Category: 25.00" or "Category: rest"`;
    const category = piece.slice(0, colon).trim();
    const share = piece.slice(colon + 1).trim();
    if (share.toLowerCase() === 'rest') {
      if (remainder !== undefined) return 'only one part can take the rest';
      remainder = category;
    } else if (share.endsWith('%')) {
      const percent = Number(share.slice(0, -1).trim());
      if (!Number.isFinite(percent)) return `"${share}" is not a percent`;
      parts.push({ category, percent });
    } else {
      const amount = cellDecimal(share);
      if (amount === undefined) return `"${share}" is not a percent or an amount`;
      parts.push({ category, amount });
    }
  }
  if (parts.length === 0) return 'a split needs at least one part with a percent or an amount';
  return { type: 'split', parts, ...(remainder !== undefined ? { remainder } : {}) };
}

/** Comma-separated values; a value wrapped in double quotes may hold commas ("" is a quote). */
export function splitList(text: string): string[] {
  const values: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (text[i] === ' ') i++;
    let value = '';
    if (text[i] === '"') {
      i++;
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else value += text[i++];
      }
      while (i < text.length && text[i] !== ',') i++;
    } else {
      const end = text.indexOf(',', i);
      value = text.slice(i, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end;
    }
    i++;
    if (value.trim() !== '') values.push(value.trim());
  }
  return values;
}

/** The inverse of splitList. Values are trimmed: text conditions ignore spacing at the ends. */
export function joinList(values: readonly string[]): string {
  return values
    .map((v) => v.trim())
    .map((v) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v))
    .join(', ');
}
