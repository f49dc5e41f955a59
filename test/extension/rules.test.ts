import { beforeEach, describe, expect, it } from 'vitest';
import { STARTER_RULES } from '../../core/rules/defaultCategories';
import { RULES_SHEET_HEADERS } from '../../core/rules/rulesSheet';
import { activityPage, type Harness, harness } from './harness';

const PORTAL = 'https://bank.example/activity';

/** A Rules-tab row with the given cells, the rest blank. */
function ruleRow(cells: Record<string, string>): string[] {
  return RULES_SHEET_HEADERS.map((h) => cells[h] ?? '');
}

let h: Harness;
beforeEach(() => {
  h = harness();
});

async function capture(rows: Parameters<typeof activityPage>[0]) {
  const tabId = await h.openTab(PORTAL, activityPage(rows));
  const preview = await h.ask({ type: 'capture', tabId });
  if (!preview.ok) throw new Error(JSON.stringify(preview.problems));
  await h.ask({ type: 'saveCapture', captureId: preview.value.captureId! });
  return preview.value;
}

describe('rules in the extension', () => {
  it('starts with the starter rules, in the Rules tab format', async () => {
    const reply = await h.ask({ type: 'rules' });
    expect(reply.ok && reply.value.rows[0]).toEqual(RULES_SHEET_HEADERS);
    expect(reply.ok && reply.value.rows.length).toBe(STARTER_RULES.length + 1);
  });

  it('categorizes on capture, re-applies saved rules to what is stored, and keeps what a person set', async () => {
    await capture([
      ['03/02/2026', 'BLUE BOTTLE COFFEE', '-$4.50'],
      ['03/03/2026', 'BLUE BOTTLE COFFEE', '-$5.50'],
    ]);
    const [first, second] = await h.db.transactions.orderBy('date').toArray();
    await h.ask({ type: 'updateTransaction', id: second!.id, category: 'Client Gifts' });

    const saved = await h.ask({
      type: 'saveRules',
      rows: [
        RULES_SHEET_HEADERS,
        ruleRow({ 'Rule ID': 'coffee', 'Description Contains': 'BLUE BOTTLE', Category: 'Meals' }),
      ],
    });
    expect(saved).toMatchObject({ ok: true, value: { rules: 1, changed: 1 } });
    expect(await h.db.transactions.get(first!.id)).toMatchObject({ category: 'Meals', rule: 'coffee' });
    expect((await h.db.transactions.get(second!.id))?.category).toBe('Client Gifts');

    const preview = await capture([['03/04/2026', 'BLUE BOTTLE COFFEE', '-$3.25']]);
    expect(preview.rows[0]?.transaction).toMatchObject({ category: 'Meals', rule: 'coffee' });
  });

  it('refuses rows with problems and keeps the rules it had', async () => {
    const reply = await h.ask({
      type: 'saveRules',
      rows: [
        RULES_SHEET_HEADERS,
        ruleRow({ 'Rule ID': 'broken', 'Description Matches': '(', Category: 'X' }),
      ],
    });
    expect(reply.ok).toBe(false);
    expect(await h.db.rules.count()).toBe(STARTER_RULES.length);
  });
});
