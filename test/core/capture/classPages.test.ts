import { describe, expect, it } from 'vitest';
import { BUILTIN_PROFILES } from '../../../core/capture/builtinProfiles';
import { capturePage } from '../../../core/capture/capturePage';
import { toTransactionJson } from '../../../core/model/transactionJson';
import { CAPTURED_AT, classPages, project } from './classPages';
import { loadDocument } from './fixturePages';

describe('capture on pages of the failure classes (linkedom, a saved page)', () => {
  for (const p of classPages()) {
    it(`reads every checked field of every row of ${p.name}, and reports what it must`, () => {
      const { transactions, diagnostics } = capturePage(loadDocument(p.html), {
        url: p.url,
        asOf: p.asOf,
        capturedAt: CAPTURED_AT,
        profiles: BUILTIN_PROFILES,
      });
      const got = transactions.map((t, i) => {
        const json = toTransactionJson(t) as unknown as Record<string, unknown>;
        return p.rows[i] ? project(json, p.rows[i]) : json;
      });
      expect(got).toEqual(p.rows);
      expect(diagnostics.verified).toBe(p.diagnostics.verified);
      expect(diagnostics.duplicateRegions.length).toBe(p.diagnostics.duplicateRegions);
      expect(diagnostics.signConvention.convention).toBe(p.diagnostics.signConvention);
      if (p.diagnostics.failingRows) {
        expect(diagnostics.checks.filter((c) => !c.ok).flatMap((c) => c.rows)).toEqual(
          p.diagnostics.failingRows,
        );
      }
      if (p.diagnostics.account) expect(diagnostics.account).toBe(p.diagnostics.account);
    });
  }
});
