import { describe, expect, it } from 'vitest';
import { BUILTIN_PROFILES } from '../../../core/capture/builtinProfiles';
import { matchesUrl } from '../../../core/capture/matchesUrl';
import { profileFromMapping, urlPatternFor } from '../../../core/capture/profileFromMapping';
import { PROFILE_SCHEMA_VERSION, parseProfile } from '../../../core/model/profile';

const profileFor = (url: string) =>
  BUILTIN_PROFILES.find((p) => p.urlPatterns.some((pattern) => matchesUrl(pattern, url)))?.id;

describe('built-in profiles', () => {
  it('ships the portals a US small business uses, each valid against the schema', () => {
    expect(BUILTIN_PROFILES.map((p) => p.id)).toEqual([
      'stripe-balance',
      'stripe-payouts',
      'stripe-payments',
      'square-transactions',
      'square-transfers',
      'paypal-activity',
      'chase-activity',
      'bankofamerica-activity',
      'wellsfargo-activity',
      'mercury-transactions',
      'amex-activity',
    ]);
    for (const p of BUILTIN_PROFILES) expect(parseProfile(p)).toEqual({ ok: true, value: p });
  });

  it('picks the profile by URL', () => {
    expect(profileFor('https://dashboard.stripe.com/payments?status=succeeded')).toBe('stripe-payments');
    expect(profileFor('https://dashboard.stripe.com/test/payouts/po_123')).toBe('stripe-payouts');
    expect(profileFor('https://dashboard.stripe.com/balance/overview')).toBe('stripe-balance');
    expect(profileFor('https://app.squareup.com/dashboard/sales/transactions')).toBe('square-transactions');
    expect(profileFor('https://secure07ea.chase.com/web/auth/dashboard#/x')).toBe('chase-activity');
    expect(profileFor('https://global.americanexpress.com/activity/recent')).toBe('amex-activity');
    expect(profileFor('https://www.example-bank.com/activity')).toBeUndefined();
  });
});

describe('parseProfile', () => {
  it('migrates a version 1 profile to the current version', () => {
    const v1 = {
      schemaVersion: 1,
      id: 'site:bank',
      name: 'My bank',
      institution: 'mybank',
      kind: 'card',
      urlPattern: 'https://bank.example/cards/*',
      headers: { date: 'Posted', amount: 'Amount' },
      dateOrder: 'dmy',
      decimalComma: true,
      currency: 'EUR',
    };
    expect(parseProfile(v1)).toEqual({
      ok: true,
      value: {
        schemaVersion: PROFILE_SCHEMA_VERSION,
        id: 'site:bank',
        name: 'My bank',
        institution: 'mybank',
        portalKind: 'card',
        urlPatterns: ['https://bank.example/cards/*'],
        columns: { date: 'Posted', amount: 'Amount' },
        conventions: { dateOrder: 'dmy', decimalSeparator: ',', currency: 'EUR', amountSign: 'inverted' },
      },
    });
  });

  it('reports what is wrong with a bad profile', () => {
    const result = parseProfile({
      schemaVersion: 2,
      id: 'x',
      name: 'x',
      institution: 'x',
      portalKind: 'bank',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.field)).toEqual(['urlPatterns', 'columns']);
  });
});

describe('profileFromMapping', () => {
  it('makes a URL pattern that fits the page on the next visit', () => {
    expect(urlPatternFor('https://Bank.example/accounts/123456/activity?from=2026-11-01#top')).toBe(
      'https://bank.example/accounts/*/activity*',
    );
    expect(urlPatternFor('https://app.bank.example/a/acct_9f8e7d6c/txns')).toBe(
      'https://app.bank.example/a/*/txns*',
    );
  });

  it('saves a corrected mapping as a valid profile', () => {
    const profile = profileFromMapping({ date: '#2', amount: 'Betrag' }, 'https://bank.example/umsaetze', {
      conventions: { dateOrder: 'dmy' },
    });
    expect(parseProfile(profile)).toEqual({ ok: true, value: profile });
    expect(profile).toMatchObject({
      id: 'site:https://bank.example/umsaetze*',
      institution: 'bank.example',
      columns: { date: '#2', amount: 'Betrag' },
      conventions: { dateOrder: 'dmy', amountSign: 'asShown' },
    });
  });
});
