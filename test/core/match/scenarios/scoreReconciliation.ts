import type { ReconcileResult } from '../../../../core/match/reconcile';
import type { Scenario } from './generateScenario';

export type Tally = { truePositives: number; falsePositives: number; falseNegatives: number };

const LINK_TYPES = new Set(['payout-deposit', 'refund-debit', 'many-to-one', 'one-to-many']);
const BANK_ROLES = new Set(['deposit', 'withdrawal']);

export const precision = (t: Tally) => t.truePositives / Math.max(1, t.truePositives + t.falsePositives);
export const recall = (t: Tally) => t.truePositives / Math.max(1, t.truePositives + t.falseNegatives);

function tally(expected: Set<string>, found: Set<string>): Tally {
  let truePositives = 0;
  for (const k of found) if (expected.has(k)) truePositives++;
  return {
    truePositives,
    falsePositives: found.size - truePositives,
    falseNegatives: expected.size - truePositives,
  };
}

export function addTally(a: Tally, b: Tally): Tally {
  return {
    truePositives: a.truePositives + b.truePositives,
    falsePositives: a.falsePositives + b.falsePositives,
    falseNegatives: a.falseNegatives + b.falseNegatives,
  };
}

/**
 * Compares a reconcile result with a scenario's known answers, per kind of answer. Either copy of a
 * duplicated line counts as that line, since both are the same real transaction.
 */
export function scoreReconciliation(scenario: Scenario, result: ReconcileResult) {
  const original = new Map(scenario.expected.duplicates.map((d) => [d.copy, d.line]));
  const canon = (id: string) => original.get(id) ?? id;
  const live = result.matches.toArray().filter((m) => m.state !== 'rejected');

  const foundLinks = new Set<string>();
  for (const m of live) {
    if (!LINK_TYPES.has(m.type)) continue;
    const banks = m.members.filter((x) => BANK_ROLES.has(x.role));
    for (const p of m.members.filter((x) => !BANK_ROLES.has(x.role))) {
      for (const b of banks) foundLinks.add(`${p.id}>${canon(b.id)}`);
    }
  }
  const pairKey = (a: string, b: string) => [canon(a), canon(b)].sort().join('|');
  const foundTransfers = new Set(
    live.filter((m) => m.type === 'transfer').map((m) => pairKey(m.members[0]!.id, m.members[1]!.id)),
  );
  const foundDuplicates = new Set(
    live
      .filter((m) => m.type === 'duplicate')
      .map((m) => [m.members[0]!.id, m.members[1]!.id].sort().join('|')),
  );
  const expectedDiscrepancies = new Set(
    scenario.expected.discrepancies.map((d) => `${d.type}:${canon(d.id)}`),
  );
  const foundDiscrepancies = new Set<string>();
  for (const d of result.discrepancies) {
    // A discrepancy names several transactions; it counts for the one the scenario expects, if any.
    const keys = d.transactionIds.map((id) => `${d.type}:${canon(id)}`);
    foundDiscrepancies.add(keys.find((k) => expectedDiscrepancies.has(k)) ?? keys[0]!);
  }

  return {
    links: tally(new Set(scenario.expected.links.map((l) => `${l.payout}>${canon(l.bank)}`)), foundLinks),
    transfers: tally(new Set(scenario.expected.transfers.map((t) => pairKey(t.from, t.to))), foundTransfers),
    duplicates: tally(
      new Set(scenario.expected.duplicates.map((d) => [d.line, d.copy].sort().join('|'))),
      foundDuplicates,
    ),
    discrepancies: tally(expectedDiscrepancies, foundDiscrepancies),
    foundLinks,
    foundDiscrepancies,
    expectedDiscrepancies,
  };
}
