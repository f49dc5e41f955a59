import { parseRule, type Rule } from '../../../core/model/rule';
import type { Transaction } from '../../../core/model/transaction';

let counter = 0;

/** A valid transaction with sensible defaults; override what the test is about. */
export function tx(
  overrides: Partial<Transaction> & { minor?: number; currency?: string } = {},
): Transaction {
  const { minor, currency, ...rest } = overrides;
  counter++;
  return {
    schemaVersion: 1,
    id: `t${counter}`,
    institution: 'chase',
    account: 'Checking ••6789',
    date: '2026-01-15',
    description: 'SOMETHING',
    payee: 'Something',
    amount: { minor: minor ?? -1000, currency: currency ?? 'USD' },
    status: 'posted',
    kind: 'withdrawal',
    tags: [],
    origin: { capturedAt: '2026-01-16T00:00:00Z' },
    ...rest,
  };
}

/** Parses a rule written in a test; a test's own rule being invalid is a test bug. */
export function rule(input: Record<string, unknown>): Rule {
  const parsed = parseRule(input);
  if (!parsed.ok) throw new Error(`test rule is invalid: ${JSON.stringify(parsed.problems)}`);
  return parsed.value;
}
