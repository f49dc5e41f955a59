import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { parseRule } from '../../core/model/rule';
import type { Transaction } from '../../core/model/transaction';
import { applyRules } from '../../core/rules/applyRules';
import { compileRules } from '../../core/rules/compileRules';
import { RuleSubject } from '../../core/rules/ruleSubject';
import { seededRandom } from '../core/match/scenarios/random';
import { naiveApplyRules } from '../core/rules/naiveApplyRules';
import { fmt, medianMs, table } from './measure';

/**
 * Rule application: 200 rules over 100,000 transactions, the compiled engine (closures, regexes
 * compiled once, literal and exact-value indexes) against a naive interpreter that re-reads every
 * rule object for every transaction. Data is generated deterministically.
 */
const TRANSACTIONS = 100_000;
const RULES = 200;

const SYLLABLES = [
  'blu',
  'bot',
  'tle',
  'cof',
  'fee',
  'mar',
  'ket',
  'ube',
  'rea',
  'tsa',
  'don',
  'ado',
  'bex',
  'pro',
];
const PREFIXES = ['SQ *', 'TST* ', 'PAYPAL *', 'POS ', '', '', ''];
const CITIES = ['OAKLAND CA', 'SEATTLE WA', 'AUSTIN TX', 'BROOKLYN NY', 'DENVER CO'];
const INSTITUTIONS = ['chase', 'stripe', 'square', 'paypal', 'wells'];
const KINDS = ['charge', 'fee', 'payout', 'deposit', 'withdrawal', 'refund'] as const;

export function generateRulesBench() {
  const rand = seededRandom(42).next;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const merchants = Array.from({ length: 400 }, (_, i) =>
    `${pick(SYLLABLES)}${pick(SYLLABLES)} ${pick(SYLLABLES)}${i}`.toUpperCase(),
  );
  const transactions: Transaction[] = Array.from({ length: TRANSACTIONS }, (_, i) => {
    const merchant = pick(merchants);
    const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
    return {
      schemaVersion: 1,
      id: `t${i}`,
      institution: pick(INSTITUTIONS),
      account: `Checking ••${1000 + Math.floor(rand() * 5)}`,
      date: `2026-0${1 + Math.floor(rand() * 3)}-${day}`,
      description: `${pick(PREFIXES)}${merchant} #${Math.floor(rand() * 9000)} ${pick(CITIES)}`,
      payee: merchant,
      amount: { minor: Math.round((rand() - 0.7) * 50_000), currency: 'USD' },
      status: rand() < 0.05 ? 'pending' : 'posted',
      kind: pick(KINDS),
      tags: [],
      origin: { capturedAt: '2026-04-01T00:00:00Z' },
    };
  });
  const category = (i: number) => ({ type: 'setCategory', category: `Category ${i % 30}` });
  const inputs: unknown[] = Array.from({ length: RULES }, (_, i) => {
    const id = `rule-${String(i).padStart(3, '0')}`;
    const rank = i % 17;
    const m = merchants[(i * 7) % merchants.length]!;
    switch (i % 10) {
      case 0:
      case 1:
      case 2:
      case 3:
        return {
          id,
          rank,
          conditions: [{ field: 'description', op: 'contains', value: m }],
          actions: [category(i)],
        };
      case 4:
        return {
          id,
          rank,
          conditions: [
            { field: 'description', op: 'contains', value: [m, merchants[(i * 13) % merchants.length]] },
            { field: 'amount', op: 'outflow' },
          ],
          actions: [category(i), { type: 'addTags', tags: ['bench'] }],
        };
      case 5:
        return { id, rank, conditions: [{ field: 'payee', op: 'is', value: m }], actions: [category(i)] };
      case 6:
        return {
          id,
          rank,
          conditions: [{ field: 'description', op: 'matches', value: `^(sq|tst) ?\\*${m.split(' ')[0]}\\b` }],
          actions: [category(i), { type: 'setPayee', payee: m.toLowerCase() }],
        };
      case 7:
        return {
          id,
          rank,
          conditions: [
            { field: 'institution', op: 'is', value: pick(INSTITUTIONS) },
            { field: 'kind', op: 'is', value: pick(KINDS) },
            { field: 'amount', op: 'between', min: String(-(i % 50) * 10), max: '0' },
          ],
          actions: [category(i)],
        };
      case 8:
        return {
          id,
          rank,
          conditionsOp: 'or',
          conditions: [
            { field: 'description', op: 'startsWith', value: `PAYPAL *${m}` },
            { field: 'description', op: 'contains', value: `${m} #1` },
          ],
          actions: [category(i), { type: 'appendNote', note: 'paypal' }],
        };
      default:
        return {
          id,
          rank,
          stage: 'post',
          conditions: [
            { field: 'amount', op: 'lt', value: String(-400 - i) },
            { field: 'date', op: 'between', min: '2026-02-01', max: '2026-02-28' },
          ],
          actions: [{ type: 'addTags', tags: ['large-february'] }],
        };
    }
  });
  const rules = inputs.map((input) => {
    const parsed = parseRule(input);
    if (!parsed.ok) throw new Error(`bench rule invalid: ${JSON.stringify(parsed.problems)}`);
    return parsed.value;
  });
  return { transactions, rules };
}

export default async function rulesBench() {
  const { transactions, rules } = generateRulesBench();
  const compiledResult = applyRules(transactions, rules);
  // The baseline is slow, so it runs once: this run is both the check and its timing.
  const naiveStart = performance.now();
  const naiveResult = naiveApplyRules(transactions, rules);
  const naiveMs = performance.now() - naiveStart;
  if (!isDeepStrictEqual(compiledResult.transactions, naiveResult)) {
    throw new Error('compiled and naive engines disagree');
  }
  const compiled = compileRules(rules);
  const candidates = transactions
    .slice(0, 10_000)
    .reduce((n, t) => n + compiled.candidates(new RuleSubject(t)).length, 0);

  const compiledMs = await medianMs(() => applyRules(transactions, rules), 5);
  const applyOnlyMs = await medianMs(() => applyRules(transactions, compiled), 5);
  const perSecond = (ms: number) => fmt(TRANSACTIONS / (ms / 1000) / 1000, 0);
  console.log(
    table([
      {
        engine: 'compiled (incl. compile)',
        ms: fmt(compiledMs),
        'k tx/s': perSecond(compiledMs),
        'vs naive': `${fmt(naiveMs / compiledMs)}×`,
      },
      {
        engine: 'compiled (rules precompiled)',
        ms: fmt(applyOnlyMs),
        'k tx/s': perSecond(applyOnlyMs),
        'vs naive': `${fmt(naiveMs / applyOnlyMs)}×`,
      },
      {
        engine: 'naive interpreter (baseline)',
        ms: fmt(naiveMs),
        'k tx/s': perSecond(naiveMs),
        'vs naive': '1.0×',
      },
    ]),
  );
  console.log(
    `${RULES} rules × ${TRANSACTIONS.toLocaleString('en-US')} transactions; ${compiledResult.changed.toLocaleString('en-US')} changed; ` +
      `rules evaluated per transaction: ${fmt(candidates / 10_000)} of ${RULES} (index); results identical to the baseline`,
  );
}
