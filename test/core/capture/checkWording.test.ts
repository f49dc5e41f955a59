import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSavedPage } from '../../../cli/parseSavedPage';
import { capturePage } from '../../../core/capture/capturePage';

/** What the self-checks say to the owner, on pages of the third generality set. */
function captureFixture(name: string) {
  const dir = 'test/fixtures/portals-generality3';
  const meta = JSON.parse(readFileSync(`${dir}/${name}.meta.json`, 'utf8')) as { url: string; asOf: string };
  return capturePage(parseSavedPage(readFileSync(`${dir}/${name}.html`, 'utf8')), {
    url: meta.url,
    asOf: meta.asOf,
    capturedAt: '2026-11-23T12:00:00.000Z',
  }).diagnostics;
}

describe('self-check wording', () => {
  it('a count that passes on one page of a longer list says the others are not here, so ✓ never reads as all of it', () => {
    const d = captureFixture('paged-second-page-of-six');
    const count = d.checks.find((c) => c.kind === 'count');
    expect(count?.ok).toBe(true);
    expect(count?.message).toMatch(/the 10 rows it shows were all read \(not the other 47, on other pages\)/);
  });

  it('a card statement whose balance owed moves against the rows compares sizes, not opposite signs', () => {
    const d = captureFixture('card-statement-summary-missing-row');
    const failed = d.checks.find((c) => !c.ok);
    expect(failed?.message).toMatch(/a change of 186\.23 USD; the rows read account for 103\.76 USD/);
  });
});
