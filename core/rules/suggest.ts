import { sha256Hex } from '../ids/sha256Hex';
import { RULE_SCHEMA_VERSION, type Rule } from '../model/rule';
import type { Transaction } from '../model/transaction';
import { cleanPayee } from './cleanPayee';
import { normalizeText } from './ruleSubject';

export type CategorySuggestion = {
  id: string;
  category: string;
  /** 0–1: how sure the bookkeeper's own history makes this. */
  confidence: number;
  /** In words, for the sidebar: which earlier transactions this rests on. */
  because: string;
};

type Direction = 'in' | 'out';
const direction = (t: Transaction): Direction => (t.amount.minor > 0 ? 'in' : 'out');
const flowWord = (d: Direction) => (d === 'in' ? 'inflows' : 'outflows');
const payeeKey = (t: Transaction) => normalizeText(cleanPayee(t.description));
const MIN_TOKEN_CONFIDENCE = 0.2;

type Tally = Map<string, number>;
const bump = (tally: Tally, category: string) => tally.set(category, (tally.get(category) ?? 0) + 1);
const round2 = (x: number) => Math.round(x * 100) / 100;

/** The leading category of a tally; ties go to the name that sorts first, so results are stable. */
function top(tally: Tally): { category: string; count: number; total: number } {
  let best = '';
  let count = -1;
  let total = 0;
  for (const [category, n] of tally) {
    total += n;
    if (n > count || (n === count && category < best)) {
      best = category;
      count = n;
    }
  }
  return { category: best, count, total };
}

const tokens = (key: string) => [...new Set(key.split(' ').filter((w) => w.length >= 3 && !/^\d+$/.test(w)))];

/**
 * Proposes a category for each uncategorized transaction from the bookkeeper's categorized history.
 * First by the same cleaned payee and direction (confidence = agreeing / (seen + 1), so one example
 * gives 0.5 and nine agreeing give 0.9); failing that, by shared payee words (capped at 0.5).
 * Nothing is applied: the caller shows these for the bookkeeper to accept.
 */
export function suggestCategories(
  history: readonly Transaction[],
  uncategorized: readonly Transaction[],
): CategorySuggestion[] {
  const byPayee = new Map<string, Tally>();
  const byToken = new Map<string, Tally>();
  const names = new Map<string, string>();
  for (const t of history) {
    if (!t.category) continue;
    const key = payeeKey(t);
    const exact = `${direction(t)}|${key}`;
    names.set(exact, cleanPayee(t.description));
    bump(byPayee.get(exact) ?? byPayee.set(exact, new Map()).get(exact)!, t.category);
    for (const token of tokens(key)) {
      bump(byToken.get(token) ?? byToken.set(token, new Map()).get(token)!, t.category);
    }
  }
  const suggestions: CategorySuggestion[] = [];
  for (const t of uncategorized) {
    if (t.category) continue;
    const key = payeeKey(t);
    const d = direction(t);
    const exact = byPayee.get(`${d}|${key}`);
    if (exact) {
      const { category, count, total } = top(exact);
      suggestions.push({
        id: t.id,
        category,
        confidence: round2(count / (total + 1)),
        because: `${count} of ${total} earlier "${names.get(`${d}|${key}`)}" ${flowWord(d)} are ${category}`,
      });
      continue;
    }
    const votes: Tally = new Map();
    const support = new Map<string, string[]>();
    for (const token of tokens(key)) {
      const tally = byToken.get(token);
      if (!tally) continue;
      const { total } = top(tally);
      for (const [category, n] of tally) {
        // Rare words say more than common ones; each word's vote is split by how it was used.
        votes.set(category, (votes.get(category) ?? 0) + n / total / Math.log2(1 + total));
        support.set(category, [...(support.get(category) ?? []), token]);
      }
    }
    if (votes.size === 0) continue;
    let best = '';
    let bestScore = -1;
    let sum = 0;
    for (const [category, score] of votes) {
      sum += score;
      if (score > bestScore || (score === bestScore && category < best)) {
        best = category;
        bestScore = score;
      }
    }
    const words = support.get(best)!;
    const confidence = round2(0.5 * (bestScore / sum) * Math.min(1, words.length / 2));
    if (confidence < MIN_TOKEN_CONFIDENCE) continue;
    suggestions.push({
      id: t.id,
      category: best,
      confidence,
      because: `shares ${words.map((w) => `"${w}"`).join(', ')} with earlier transactions in ${best}`,
    });
  }
  return suggestions;
}

const MIN_SUPPORT = 2;
const MIN_AGREEMENT = 0.8;

/**
 * Proposes rules from what the bookkeeper categorized by hand (a category with no rule): one per
 * payee and direction seen at least twice and categorized the same way at least 80% of the time.
 * The condition is the longest run of words every such description shares (or the payee when
 * they share none). Proposals come disabled, with a name that says what they rest on; enabling
 * one is the bookkeeper's decision.
 */
export function suggestRules(history: readonly Transaction[]): Rule[] {
  const groups = new Map<string, Transaction[]>();
  for (const t of history) {
    if (!t.category || t.rule !== undefined || t.category === 'Uncategorized') continue;
    const key = `${direction(t)}|${payeeKey(t)}`;
    const group = groups.get(key);
    if (group) group.push(t);
    else groups.set(key, [t]);
  }
  const proposals: Array<{ rule: Rule; count: number }> = [];
  for (const [key, members] of groups) {
    if (members.length < MIN_SUPPORT) continue;
    const tally: Tally = new Map();
    for (const t of members) bump(tally, t.category!);
    const { category, count, total } = top(tally);
    if (count < MIN_SUPPORT || count / total < MIN_AGREEMENT) continue;
    const agreeing = members.filter((t) => t.category === category);
    const d = key.startsWith('in|') ? 'in' : 'out';
    const literal = commonWords(agreeing.map((t) => normalizeText(t.description)));
    const payees = new Set(agreeing.map((t) => normalizeText(t.payee)));
    const match =
      literal.length >= 4
        ? ({ field: 'description', op: 'contains', value: literal } as const)
        : payees.size === 1
          ? ({ field: 'payee', op: 'is', value: agreeing[0]!.payee } as const)
          : undefined;
    if (!match) continue;
    const name = cleanPayee(agreeing[0]!.description);
    proposals.push({
      count,
      rule: {
        schemaVersion: RULE_SCHEMA_VERSION,
        id: `suggested-${d}-${slug(key.slice(3))}-${sha256Hex(key).slice(0, 6)}`,
        name: `Suggested: "${name}" ${flowWord(d)} → ${category} (${count} of ${total} by hand)`,
        stage: 'default',
        rank: 500,
        conditionsOp: 'and',
        conditions: [match, { field: 'amount', op: d === 'in' ? 'inflow' : 'outflow' }],
        actions: [{ type: 'setCategory', category }],
        enabled: false,
      },
    });
  }
  proposals.sort((a, b) => b.count - a.count || (a.rule.id < b.rule.id ? -1 : 1));
  return proposals.map((p) => p.rule);
}

/** The longest run of whole words found in every text (texts already normalized). */
function commonWords(texts: string[]): string {
  const words = texts[0]!.split(' ');
  let best = '';
  for (let i = 0; i < words.length; i++) {
    for (let j = words.length; j > i; j--) {
      const run = words.slice(i, j).join(' ');
      if (run.length <= best.length) break;
      if (/^[\d\W]+$/.test(run)) continue;
      if (texts.every((t) => ` ${t} `.includes(` ${run} `))) best = run;
    }
  }
  return best;
}

const slug = (text: string) =>
  text
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'payee';
