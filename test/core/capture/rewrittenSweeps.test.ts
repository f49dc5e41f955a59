import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildDomNodes, type DomNode } from '../../../core/capture/domTree';
import { findRowGroups, measureShapes } from '../../../core/capture/findRowGroups';
import { findAccount } from '../../../core/capture/pageSettings';
import { type CheckedRow, selfChecks } from '../../../core/capture/selfChecks';
import { seededRandom } from '../match/scenarios/random';
import { loadDocument } from './fixturePages';

/**
 * Two steps rewritten for speed against the plain readings they replace, kept here as the
 * reference: findAccount's one sweep over the rows (was: a walk up from every node through a set
 * of rows) and the running-balance check's counting of each reading (was: a list of broken rows
 * for all four readings, sorted).
 */

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

function pages(): string[] {
  return readdirSync(FIXTURES)
    .filter((d) => d.startsWith('portals'))
    .flatMap((d) =>
      readdirSync(join(FIXTURES, d))
        .filter((f) => f.endsWith('.html'))
        .map((f) => join(FIXTURES, d, f)),
    );
}

/** The rows first, the page's account below them: a row's "Card ••8812" comes first in the page. */
const ACCOUNT_PAGE = (rows: string) => `<html><body>
  <table><tbody>${rows}</tbody></table>
  <h2>Business Checking ••6789</h2></body></html>`;

/** The reference: a node is inside a row when it or an ancestor is one. */
function findAccountByAncestors(all: DomNode[], rows: DomNode[]): string | undefined {
  const inRow = new Set(rows);
  const outside = all.filter((n) => {
    for (let a: DomNode | undefined = n; a; a = a.parent) if (inRow.has(a)) return false;
    return true;
  });
  // Inside rows nothing is read: the answer is findAccount's over the nodes outside them.
  return findAccount(outside, []);
}

describe('findAccount', () => {
  it('names the account from the nodes outside the rows exactly as a walk up from each node does', () => {
    const r = seededRandom(11);
    let named = 0;
    for (const file of pages()) {
      const all = buildDomNodes(loadDocument(readFileSync(file, 'utf8')));
      const groups = findRowGroups(all, measureShapes(all, '2026-11-21'));
      const rows = groups.flatMap((g) => g.rows);
      // Any subset of disjoint rows is disjoint: the sweep must hold for each.
      const some = rows.filter(() => r.chance(0.5));
      for (const subset of [rows, some, [...some].reverse(), []]) {
        const expected = findAccountByAncestors(all, subset);
        expect(findAccount(all, subset), file).toBe(expected);
        if (expected) named++;
      }
    }
    expect(named).toBeGreaterThan(10);
  });

  it('skips an account named inside a row, whichever rows come first', () => {
    const all = buildDomNodes(
      loadDocument(
        ACCOUNT_PAGE(
          '<tr><td>Nov 2</td><td>Card ••8812</td><td>-$4.50</td></tr><tr><td>Nov 3</td><td>Coffee</td><td>-$3.00</td></tr>' +
            '<tr><td>Nov 4</td><td>Tea</td><td>-$2.00</td></tr>',
        ),
      ),
    );
    const rows = all.filter((n) => n.tag === 'tr');
    expect(findAccount(all, [...rows].reverse())).toBe('Business Checking ••6789');
    expect(findAccountByAncestors(all, rows)).toBe('Business Checking ••6789');
  });
});

type Reading = { newestFirst: boolean; factor: 1 | -1; broken: number[]; pairs: number };

/** The reference: every reading's broken rows listed, the fewest first (a stable sort). */
function runningBalanceByLists(rows: CheckedRow[]) {
  const at = rows
    .map((r, i) => (r.balance && r.balance.currency === r.amount.currency ? i : -1))
    .filter((i) => i >= 0);
  if (at.length < 3) return undefined;
  const readings: Reading[] = [];
  for (const newestFirst of [true, false]) {
    for (const factor of [1, -1] as const) {
      const broken: number[] = [];
      let pairs = 0;
      for (let k = 0; k + 1 < at.length; k++) {
        const i = at[k]!;
        const j = at[k + 1]!;
        const from = newestFirst ? i : i + 1;
        const to = newestFirst ? j - 1 : j;
        let moved = 0;
        for (let x = from; x <= to; x++) moved += rows[x]!.amount.minor;
        const change = newestFirst
          ? rows[i]!.balance!.minor - rows[j]!.balance!.minor
          : rows[j]!.balance!.minor - rows[i]!.balance!.minor;
        pairs++;
        if (change !== moved * factor) broken.push(rows[newestFirst ? i : j]!.origin.row);
      }
      readings.push({ newestFirst, factor, broken, pairs });
    }
  }
  readings.sort((a, b) => a.broken.length - b.broken.length);
  const best = readings[0]!;
  return {
    ok: best.broken.length === 0,
    rows: best.broken,
    pairs: best.pairs,
    newestFirst: best.newestFirst,
  };
}

function randomList(seed: number): CheckedRow[] {
  const r = seededRandom(seed);
  const n = r.int(0, 40);
  const newestFirst = r.chance(0.5);
  const flipped = r.chance(0.2);
  const rows: CheckedRow[] = [];
  let balance = r.int(-5000, 500_000);
  for (let i = 0; i < n; i++) {
    // Small amounts from a few values: ties between readings and zero amounts come up often.
    const minor = r.pick([0, 100, -100, 250, -250, r.int(-99_999, 99_999)]);
    balance += flipped ? -minor : minor;
    const shown = r.chance(0.1) ? balance + r.int(1, 500) : balance;
    rows.push({
      amount: { minor, currency: 'USD' },
      ...(r.chance(0.85) ? { balance: { minor: shown, currency: r.chance(0.97) ? 'USD' : 'EUR' } } : {}),
      status: 'posted',
      origin: { row: i + 1 },
    });
  }
  return newestFirst ? rows.reverse().map((row, i) => ({ ...row, origin: { row: i + 1 } })) : rows;
}

describe('the running-balance check', () => {
  it('reports the reading with the fewest broken steps and its rows, as listing every reading did', () => {
    let failed = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const rows = randomList(seed);
      const check = selfChecks([{ rows, totals: [], listed: rows.length }], [], 'USD').find(
        (c) => c.kind === 'running-balance',
      );
      const expected = runningBalanceByLists(rows);
      if (!expected) {
        expect(check, `seed ${seed}`).toBeUndefined();
        continue;
      }
      expect(check, `seed ${seed}`).toBeDefined();
      expect(check!.ok, `seed ${seed}`).toBe(expected.ok);
      expect(check!.rows, `seed ${seed}`).toEqual(expected.rows);
      expect(check!.message, `seed ${seed}`).toContain(`${expected.pairs}`);
      if (expected.ok || expected.rows.length * 2 <= expected.pairs)
        expect(check!.message).toContain(expected.newestFirst ? 'newest first' : 'oldest first');
      if (!expected.ok) failed++;
    }
    // Both outcomes are exercised.
    expect(failed).toBeGreaterThan(300);
  });
});
