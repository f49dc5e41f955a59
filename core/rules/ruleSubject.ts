import type { TextField } from '../model/rule';
import type { RuleTrailEntry, Split, Transaction } from '../model/transaction';
import { minorToScaled } from './ruleAmount';

/** Trail field under which a rename keeps the payee as it was before any rule touched it. */
export const PAYEE_BEFORE_RULES = 'payee.from';
/** Trail field for a tag a rule added and the bookkeeper then removed. */
export const REMOVED_TAG = 'tags.removed';

/** Spacing that needs collapsing: a test is much cheaper than a replace that allocates every time. */
const UNTIDY_SPACING = /^\s|\s$|\s\s|[^\S ]/;

/** Text as conditions compare it: lowercased, whitespace collapsed and trimmed. */
export function normalizeText(text: string): string {
  const lower = text.toLowerCase();
  return UNTIDY_SPACING.test(lower) ? lower.replace(/\s+/g, ' ').trim() : lower;
}

/**
 * One transaction while rules run on it: the fields rules may set, the fields a bookkeeper has
 * set by hand (locked), the trail, and case-folded text cached for conditions.
 *
 * "Set by hand" is read from `rule` and the trail, where a rule records every value it sets:
 * a category with no `rule`, a transfer flag or split with no trail entry, or a payee that differs
 * from the one a rule recorded was set by someone else (the bookkeeper, the source, the matcher),
 * and rules leave it alone. A payee no rule has touched is the source's and may be renamed. A tag
 * or note a rule added and the bookkeeper then removed or edited is not added again.
 * Rule-set values are released before rules run again, so re-applying is idempotent and a rule
 * that no longer matches no longer leaves its mark.
 */
export class RuleSubject {
  payee: string;
  category: string | undefined;
  rule: string | undefined;
  tags: string[];
  transfer: boolean | undefined;
  notes: string | undefined;
  splits: Split[] | undefined;
  trail: RuleTrailEntry[];
  readonly locked = { category: false, payee: false, transfer: false, splits: false, notes: false };
  /** Tags the bookkeeper removed after a rule added them: not added again. */
  removedTags: Set<string> | undefined;
  private readonly normalized: Partial<Record<TextField, string>> = {};
  private scaled: number | undefined;

  constructor(readonly source: Transaction) {
    this.payee = source.payee;
    this.category = source.category;
    this.rule = source.rule;
    this.tags = source.tags;
    this.transfer = source.transfer;
    this.notes = source.notes;
    this.splits = source.splits;
    this.trail = [];
    if (source.ruleTrail?.length || source.rule !== undefined) this.releaseRuleFields(source.ruleTrail ?? []);
    else this.lockPresentFields();
  }

  /** The field's text as a condition sees it (current payee and category, not the stored ones). */
  raw(field: TextField): string {
    switch (field) {
      case 'payee':
        return this.payee;
      case 'category':
        return this.category ?? '';
      case 'currency':
        return this.source.amount.currency;
      default:
        return this.source[field];
    }
  }

  text(field: TextField): string {
    let value = this.normalized[field];
    if (value === undefined) {
      value = normalizeText(this.raw(field));
      this.normalized[field] = value;
    }
    return value;
  }

  /** The amount at 4 decimals, comparable with rule amounts (see ruleAmount). */
  scaledAmount(): number {
    this.scaled ??= minorToScaled(this.source.amount.minor, this.source.amount.currency);
    return this.scaled;
  }

  setPayee(payee: string) {
    this.payee = payee;
    this.normalized.payee = undefined;
  }

  setCategory(category: string) {
    this.category = category;
    this.normalized.category = undefined;
  }

  /** Records what a rule set; single-valued fields keep only the entry of the rule that won. */
  record(rule: string, field: string, value: string, single: boolean) {
    if (single) this.trail = this.trail.filter((e) => e.field !== field);
    this.trail.push({ rule, field, value });
  }

  private lockPresentFields() {
    this.locked.category = this.category !== undefined;
    this.locked.transfer = this.transfer !== undefined;
    this.locked.splits = this.splits !== undefined;
  }

  private releaseRuleFields(trail: RuleTrailEntry[]) {
    const last = (field: string) => {
      for (let i = trail.length - 1; i >= 0; i--) if (trail[i]!.field === field) return trail[i];
      return undefined;
    };
    // A rule name without a trail (e.g. read back from a sheet that keeps only the Rule column)
    // still marks the category as the rule's.
    const category = last('category');
    if (
      this.category !== undefined &&
      this.rule !== undefined &&
      (!category || category.value === this.category)
    ) {
      this.category = undefined;
    } else {
      this.locked.category = this.category !== undefined;
    }
    // The rule no longer explains a category the bookkeeper changed, so it is not kept.
    this.rule = undefined;

    // Hand edits to a rule's payee, tags or note stay recognizable on every later run because the
    // entries that show them are carried into the new trail.
    const payee = last('payee');
    if (payee && payee.value === this.payee) {
      const before = trail.find((e) => e.field === PAYEE_BEFORE_RULES);
      if (before) this.payee = before.value;
    } else if (payee) {
      this.locked.payee = true;
      this.trail.push(...trail.filter((e) => e.field === 'payee' || e.field === PAYEE_BEFORE_RULES));
    }

    const remaining = [...this.tags];
    for (const entry of trail) {
      if (entry.field === REMOVED_TAG) {
        this.removedTags ??= new Set();
        this.removedTags.add(entry.value);
        this.trail.push(entry);
      } else if (entry.field === 'tags') {
        const at = remaining.indexOf(entry.value);
        if (at >= 0) remaining.splice(at, 1);
        else {
          this.removedTags ??= new Set();
          this.removedTags.add(entry.value);
          this.trail.push({ ...entry, field: REMOVED_TAG });
        }
      }
    }
    if (remaining.length !== this.tags.length) this.tags = remaining;

    if (last('transfer') && this.transfer === true) this.transfer = undefined;
    else this.locked.transfer = this.transfer !== undefined;

    for (const entry of trail.filter((e) => e.field === 'notes').reverse()) {
      if (this.notes === entry.value) this.notes = undefined;
      else if (this.notes?.endsWith(`\n${entry.value}`))
        this.notes = this.notes.slice(0, -entry.value.length - 1);
      else {
        // The bookkeeper edited or removed a rule's note: the notes are theirs now.
        this.locked.notes = true;
        this.trail.unshift(entry);
      }
    }

    if (last('splits') && this.splits !== undefined) this.splits = undefined;
    else this.locked.splits = this.splits !== undefined;
  }

  /** The transaction as rules left it; the same object when nothing differs. */
  result(): { transaction: Transaction; changed: boolean } {
    const t = this.source;
    const trail = this.trail.length > 0 ? this.trail : undefined;
    const changed =
      t.payee !== this.payee ||
      t.category !== this.category ||
      t.rule !== this.rule ||
      t.transfer !== this.transfer ||
      t.notes !== this.notes ||
      !sameList(t.tags, this.tags) ||
      !sameJson(t.splits, this.splits) ||
      !sameJson(t.ruleTrail?.length ? t.ruleTrail : undefined, trail);
    if (!changed) return { transaction: t, changed: false };
    // Rebuilt rather than `delete`d when a key goes away: deleting turns objects into slow dictionaries.
    const dropsKey = RULE_KEYS.some((k) => t[k] !== undefined);
    const next: Transaction = { ...(dropsKey ? withoutRuleKeys(t) : t), payee: this.payee, tags: this.tags };
    if (this.category !== undefined) next.category = this.category;
    if (this.rule !== undefined) next.rule = this.rule;
    if (this.transfer !== undefined) next.transfer = this.transfer;
    if (this.notes !== undefined) next.notes = this.notes;
    if (this.splits !== undefined) next.splits = this.splits;
    if (trail !== undefined) next.ruleTrail = trail;
    return { transaction: next, changed: true };
  }
}

const RULE_KEYS = ['category', 'rule', 'transfer', 'notes', 'splits', 'ruleTrail'] as const;

function withoutRuleKeys(t: Transaction): Omit<Transaction, (typeof RULE_KEYS)[number]> {
  const { category: _c, rule: _r, transfer: _t, notes: _n, splits: _s, ruleTrail: _rt, ...rest } = t;
  return rest;
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a === b || (a.length === b.length && a.every((x, i) => x === b[i]));

const sameJson = (a: unknown, b: unknown) =>
  a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));
