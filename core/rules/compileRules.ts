import type { Condition, Rule, TextField } from '../model/rule';
import { requiredLiteral } from '../model/safeRegex';
import { compileConditions, type Predicate, textValues } from './compileCondition';
import { LiteralIndex } from './literalIndex';
import { sortRules } from './ruleOrder';
import { normalizeText, type RuleSubject } from './ruleSubject';

export type CompiledRule = { readonly rule: Rule; readonly matches: Predicate };

/**
 * Fields indexed by exact value, looked up once per transaction before any rule runs. No action
 * changes the first five. Payee and category can change while rules run, but only to a value some
 * setPayee / setCategory action names, so a condition is indexed on them only when none of its
 * values is such a target (see `targets`).
 */
const EXACT_FIELDS = [
  'account',
  'institution',
  'kind',
  'currency',
  'status',
  'payee',
  'category',
] as const satisfies readonly TextField[];
type Targets = { payee: Set<string>; category: Set<string> };
type ExactField = (typeof EXACT_FIELDS)[number];

type IndexKey = { needles: string[] } | { field: ExactField; values: string[] } | undefined;

/**
 * Compiles rules once: conditions become closures (regexes compiled), rules are put in run order,
 * and each rule is indexed by one condition every match must satisfy: a description literal
 * (Aho–Corasick; for a regex, the literal every match contains) or an exact value of one of
 * EXACT_FIELDS. Only the rules a transaction can match are then evaluated, still in run order.
 * Rules with no such condition (or `or` rules mixing fields) are evaluated for every transaction.
 */
export class CompiledRules {
  readonly rules: CompiledRule[];
  private readonly always: number[] = [];
  private readonly literals = new LiteralIndex();
  /** Parallel arrays, not a Map of Maps: iterating a Map's entries allocates, and this runs per transaction. */
  private readonly exactFields: ExactField[] = [];
  private readonly exactValues: Array<Map<string, number[]>> = [];
  private readonly seen: Int32Array;
  private stamp = 0;
  private readonly orders: Int32Array;
  private count = 0;

  constructor(rules: readonly Rule[]) {
    this.rules = sortRules(rules.filter((r) => r.enabled)).map((rule) => ({
      rule,
      matches: compileConditions(rule.conditions, rule.conditionsOp),
    }));
    this.seen = new Int32Array(this.rules.length);
    this.orders = new Int32Array(this.rules.length);
    const targets: Targets = { payee: new Set(), category: new Set() };
    for (const { rule } of this.rules) {
      for (const a of rule.actions) {
        if (a.type === 'setPayee') targets.payee.add(normalizeText(a.payee));
        if (a.type === 'setCategory') targets.category.add(normalizeText(a.category));
      }
    }
    const exact = new Map<ExactField, Map<string, number[]>>();
    this.rules.forEach(({ rule }, order) => {
      const key = indexKey(rule, targets);
      if (!key) this.always.push(order);
      else if ('needles' in key) for (const needle of key.needles) this.literals.add(needle, order);
      else {
        const byValue = exact.get(key.field) ?? new Map<string, number[]>();
        exact.set(key.field, byValue);
        for (const value of key.values) {
          const list = byValue.get(value);
          if (list) list.push(order);
          else byValue.set(value, [order]);
        }
      }
    });
    this.literals.build();
    for (const [field, byValue] of exact) {
      this.exactFields.push(field);
      this.exactValues.push(byValue);
    }
  }

  /** The rules that may match, in run order. */
  candidates(s: RuleSubject): CompiledRule[] {
    const count = this.select(s);
    return Array.from({ length: count }, (_, i) => this.selected(i));
  }

  /**
   * Fills the selection with the rules that may match, in run order, and returns how many; read
   * them with selected(i) before the next call. Nothing is allocated per transaction.
   */
  select(s: RuleSubject): number {
    this.stamp++;
    this.count = 0;
    for (let i = 0; i < this.always.length; i++) this.mark(this.always[i]!);
    for (let f = 0; f < this.exactFields.length; f++) {
      const list = this.exactValues[f]!.get(s.text(this.exactFields[f]!));
      if (list) for (let i = 0; i < list.length; i++) this.mark(list[i]!);
    }
    if (this.literals.size > 0) this.literals.scan(s.text('description'), this.mark);
    // Insertion sort: the always-run rules arrive in order and only a few indexed ones follow.
    const orders = this.orders;
    for (let i = this.always.length; i < this.count; i++) {
      const order = orders[i]!;
      let j = i - 1;
      while (j >= 0 && orders[j]! > order) {
        orders[j + 1] = orders[j]!;
        j--;
      }
      orders[j + 1] = order;
    }
    return this.count;
  }

  selected(i: number): CompiledRule {
    return this.rules[this.orders[i]!]!;
  }

  private mark = (order: number) => {
    if (this.seen[order] === this.stamp) return;
    this.seen[order] = this.stamp;
    this.orders[this.count++] = order;
  };
}

export function compileRules(rules: readonly Rule[]): CompiledRules {
  return new CompiledRules(rules);
}

function isDescriptionLiteral(c: Condition): c is Extract<Condition, { field: 'description' }> {
  return (
    c.field === 'description' && !c.not && (c.op === 'contains' || c.op === 'startsWith' || c.op === 'is')
  );
}

/** Text every description this condition accepts must contain (lowercased), or undefined. */
function descriptionNeedles(c: Condition): string[] | undefined {
  if (isDescriptionLiteral(c)) return textValues(c);
  if (c.field !== 'description' || c.not || c.op !== 'matches') return undefined;
  const literal = requiredLiteral(c.value as string);
  return literal === undefined ? undefined : [literal];
}

function indexKey(rule: Rule, targets: Targets): IndexKey {
  const { conditions } = rule;
  if (conditions.length === 0) return undefined;
  if (rule.conditionsOp === 'or') {
    // Any one of several description literals still needs one of them in the text.
    const each = conditions.map(descriptionNeedles);
    return each.every((n) => n !== undefined) ? { needles: each.flat() as string[] } : undefined;
  }
  const literal = conditions.find(isDescriptionLiteral);
  if (literal) return { needles: textValues(literal) };
  for (const c of conditions) {
    const needles = descriptionNeedles(c);
    if (needles) return { needles };
  }
  for (const field of EXACT_FIELDS) {
    const c = conditions.find((x) => x.field === field && !x.not && (x.op === 'is' || x.op === 'oneOf')) as
      | Extract<Condition, { field: ExactField }>
      | undefined;
    if (!c) continue;
    const values = textValues(c);
    if (field === 'payee' || field === 'category') {
      if (values.some((v) => targets[field].has(v))) continue;
    }
    return { field, values };
  }
  return undefined;
}
