import type { Action, Condition, Rule } from '../model/rule';

const OPS: Record<string, string> = {
  is: 'is',
  contains: 'contains',
  startsWith: 'starts with',
  matches: 'matches',
  gt: 'is more than',
  gte: 'is at least',
  lt: 'is less than',
  lte: 'is at most',
  before: 'is before',
  after: 'is after',
  onOrBefore: 'is on or before',
  onOrAfter: 'is on or after',
};

const quoted = (v: string) => `"${v}"`;
const anyOf = (values: string | string[]) =>
  Array.isArray(values) ? values.map(quoted).join(' or ') : quoted(values);

const NEGATED: Record<string, string> = {
  is: 'is not',
  contains: 'does not contain',
  startsWith: 'does not start with',
  oneOf: 'is not',
  matches: 'does not match',
};

function describeCondition(c: Condition): string {
  if ('conditions' in c) {
    const joined = `(${c.conditions.map(describeCondition).join(c.field === 'all' ? ' and ' : ' or ')})`;
    return c.not ? `not ${joined}` : joined;
  }
  if (c.field !== 'amount' && c.field !== 'date') {
    const op = c.not ? NEGATED[c.op]! : c.op === 'oneOf' ? 'is' : OPS[c.op]!;
    return `${c.field} ${op} ${anyOf(c.value)}`;
  }
  const positive =
    c.op === 'inflow' || c.op === 'outflow'
      ? `amount is money ${c.op === 'inflow' ? 'in' : 'out'}`
      : c.op === 'between'
        ? `${c.field} is between ${c.min} and ${c.max}`
        : `${c.field} ${OPS[c.op]} ${c.value}`;
  return c.not ? `not (${positive})` : positive;
}

function describeAction(a: Action): string {
  switch (a.type) {
    case 'setCategory':
      return `set category to ${quoted(a.category)}`;
    case 'setPayee':
      return `rename the payee to ${quoted(a.payee)}`;
    case 'addTags':
      return `tag ${a.tags.map(quoted).join(', ')}`;
    case 'markTransfer':
      return 'mark as a transfer';
    case 'appendNote':
      return `add the note ${quoted(a.note)}`;
    case 'split': {
      const parts = a.parts.map(
        (p) => `${quoted(p.category)} ${p.percent !== undefined ? `${p.percent}%` : p.amount}`,
      );
      if (a.remainder) parts.push(`${quoted(a.remainder)} the rest`);
      return `split ${parts.join(', ')}`;
    }
  }
}

/**
 * A rule in words, for the sidebar and the Rules tab's tooltips:
 * `When description contains "STRIPE" and amount is money in: set category to "Payout"; mark as a transfer.`
 */
export function describeRule(rule: Rule): string {
  const when =
    rule.conditions.length === 0
      ? rule.conditionsOp === 'and'
        ? 'Always'
        : 'Never (no conditions to match any of)'
      : `When ${rule.conditions.map(describeCondition).join(rule.conditionsOp === 'and' ? ' and ' : ' or ')}`;
  const then = rule.actions.map(describeAction).join('; ');
  const extras = [rule.stop ? ' Later rules do not run.' : '', rule.enabled ? '' : ' (Disabled.)'].join('');
  return `${when}: ${then}.${extras}`;
}
