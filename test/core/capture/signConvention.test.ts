import { describe, expect, it } from 'vitest';
import { BUILTIN_PROFILES } from '../../../core/capture/builtinProfiles';
import { capturePage } from '../../../core/capture/capturePage';
import { fixturePages, loadDocument } from './fixturePages';

const page = (name: string) => fixturePages().find((p) => p.name === name)!;

function capture(name: string, extra: Partial<Parameters<typeof capturePage>[1]> = {}) {
  const p = page(name);
  return capturePage(loadDocument(p.html), {
    url: p.url,
    asOf: p.asOf,
    capturedAt: p.capturedAt,
    profiles: BUILTIN_PROFILES,
    ...extra,
  });
}

describe('the sign convention in diagnostics', () => {
  it('says a profile decided it', () => {
    const { diagnostics } = capture('amex-card');
    expect(diagnostics.signConvention).toEqual({
      convention: 'card-flipped',
      decidedBy: 'profile amex-activity',
    });
  });

  it('says when nothing on the page decided and the signs were taken as shown', () => {
    const { diagnostics } = capture('tailwind-responsive', { profiles: [] });
    expect(diagnostics.signConvention.convention).toBe('as-shown');
  });

  it("the owner's saved choice wins over the profile and flips every amount", () => {
    const shown = capture('amex-card');
    const forced = capture('amex-card', { signConvention: 'as-shown' });
    expect(forced.diagnostics.signConvention).toEqual({ convention: 'as-shown', decidedBy: 'forced' });
    expect(forced.transactions.map((t) => t.amount.minor)).toEqual(
      shown.transactions.map((t) => -t.amount.minor),
    );
  });
});
