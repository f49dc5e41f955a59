import { LedgerbridgeError } from '../model/errors';
import { type Condition, MAX_CONDITION_DEPTH, type TextCondition } from '../model/rule';
import { compileSafeRegex } from '../model/safeRegex';
import { decimalToScaled } from './ruleAmount';
import { normalizeText, type RuleSubject } from './ruleSubject';

export type Predicate = (s: RuleSubject) => boolean;

/** Turns a validated condition into a closure once, so nothing is re-parsed per transaction. */
export function compileCondition(c: Condition, depth = 0): Predicate {
  const test = compilePositive(c, depth);
  return c.not ? (s) => !test(s) : test;
}

/**
 * Groups nest at most MAX_CONDITION_DEPTH deep (parseRule refuses deeper ones), so compiling and
 * evaluating stay far from the call stack's limit; a deeper group here bypassed validation.
 */
export function compileConditions(conditions: readonly Condition[], op: 'and' | 'or', depth = 0): Predicate {
  if (depth > MAX_CONDITION_DEPTH) {
    throw new LedgerbridgeError(
      `a rule reached the engine unvalidated: condition groups nest more than ${MAX_CONDITION_DEPTH} levels deep`,
      'invalid_rule',
    );
  }
  const tests = conditions.map((c) => compileCondition(c, depth));
  if (tests.length === 1) return tests[0]!;
  // Plain loops: this runs millions of times, and every()/some() would allocate a closure each time.
  if (op === 'and') {
    return (s) => {
      for (let i = 0; i < tests.length; i++) if (!tests[i]!(s)) return false;
      return true;
    };
  }
  return (s) => {
    for (let i = 0; i < tests.length; i++) if (tests[i]!(s)) return true;
    return false;
  };
}

/** Values as they are compared: case-folded, spacing collapsed. */
export function textValues(c: TextCondition): string[] {
  return (Array.isArray(c.value) ? c.value : [c.value]).map(normalizeText);
}

function compilePositive(c: Condition, depth: number): Predicate {
  switch (c.field) {
    case 'all':
      return compileConditions(c.conditions, 'and', depth + 1);
    case 'any':
      return compileConditions(c.conditions, 'or', depth + 1);
    case 'amount':
      return compileAmount(c);
    case 'date':
      return compileDate(c);
    default:
      return compileText(c);
  }
}

function compileText(c: TextCondition): Predicate {
  const field = c.field;
  const values = textValues(c);
  switch (c.op) {
    case 'is': {
      const v = values[0]!;
      return (s) => s.text(field) === v;
    }
    case 'oneOf': {
      const set = new Set(values);
      return (s) => set.has(s.text(field));
    }
    case 'contains':
      if (values.length === 1) {
        const v = values[0]!;
        return (s) => s.text(field).includes(v);
      }
      return (s) => {
        const text = s.text(field);
        return values.some((v) => text.includes(v));
      };
    case 'startsWith':
      return (s) => {
        const text = s.text(field);
        return values.some((v) => text.startsWith(v));
      };
    case 'matches': {
      const compiled = compileSafeRegex(c.value as string);
      if (!compiled.ok) {
        throw new LedgerbridgeError(
          `a rule reached the engine unvalidated: ${compiled.problems[0]!.message}`,
          'invalid_rule',
        );
      }
      const regex = compiled.value;
      return (s) => regex.test(s.raw(field));
    }
  }
}

function compileAmount(c: Extract<Condition, { field: 'amount' }>): Predicate {
  const scaled = (s: RuleSubject) => s.scaledAmount();
  const v = c.value === undefined ? 0 : decimalToScaled(c.value);
  switch (c.op) {
    case 'inflow':
      return (s) => s.source.amount.minor > 0;
    case 'outflow':
      return (s) => s.source.amount.minor < 0;
    case 'is':
      return (s) => scaled(s) === v;
    case 'gt':
      return (s) => scaled(s) > v;
    case 'gte':
      return (s) => scaled(s) >= v;
    case 'lt':
      return (s) => scaled(s) < v;
    case 'lte':
      return (s) => scaled(s) <= v;
    case 'between': {
      const min = decimalToScaled(c.min!);
      const max = decimalToScaled(c.max!);
      return (s) => {
        const a = scaled(s);
        return a >= min && a <= max;
      };
    }
  }
}

function compileDate(c: Extract<Condition, { field: 'date' }>): Predicate {
  const v = c.value ?? '';
  switch (c.op) {
    case 'is':
      return (s) => s.source.date === v;
    case 'before':
      return (s) => s.source.date < v;
    case 'after':
      return (s) => s.source.date > v;
    case 'onOrBefore':
      return (s) => s.source.date <= v;
    case 'onOrAfter':
      return (s) => s.source.date >= v;
    case 'between': {
      const min = c.min!;
      const max = c.max!;
      return (s) => s.source.date >= min && s.source.date <= max;
    }
  }
}
