import { describe, expect, it } from 'vitest';
import { findNextPageControl } from '../../../core/capture/findNextPageControl';
import { fixturePages, loadDocument } from './fixturePages';

const label = (el: Element | undefined) =>
  el ? (el.textContent ?? '').replace(/\s+/g, ' ').trim() || el.getAttribute('aria-label') : undefined;

describe('findNextPageControl', () => {
  it('finds the next-page or load-more control on every portal fixture that has one', () => {
    const found = Object.fromEntries(
      fixturePages().map((p) => [p.name, label(findNextPageControl(loadDocument(p.html)))]),
    );
    expect(found).toEqual({
      'amex-card': 'View More',
      'bofa-checking': 'Next',
      'chase-checking': 'See more activity',
      'creditunion-sronly': 'Load more',
      'crdr-suffix-nohead': undefined,
      'de-sparkasse': 'Weitere Umsätze anzeigen',
      'empty-activity': undefined,
      'es-banco': 'Siguiente ›',
      'fr-banque-cartes': "Afficher plus d'opérations",
      'mercury-shadow-grid': 'Load more transactions',
      'neobank-list-upcoming': undefined,
      'paypal-activity': 'Show more',
      'shopify-fee-net': undefined,
      'square-transactions': 'Load More',
      'stripe-balance': 'Next',
      'stripe-payments': 'Next',
      'stripe-payouts-grid': 'Load more',
      'tailwind-responsive': 'Next',
      'two-header-rows': undefined,
      'uk-paid-in-out': 'Next page',
      'webcomponent-daygroups': 'Load more',
      'wellsfargo-checking': 'Next >',
      'wise-multicurrency': 'See more',
    });
  });

  it('skips disabled controls', () => {
    const doc = loadDocument(
      '<html><body><button disabled>Next</button><a class="btn disabled" href="#">Load more</a><a aria-disabled="true" rel="next" href="#">›</a></body></html>',
    );
    expect(findNextPageControl(doc)).toBeUndefined();
  });
});
