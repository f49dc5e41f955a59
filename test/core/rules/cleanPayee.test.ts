import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanPayee } from '../../../core/rules/cleanPayee';

describe('cleanPayee', () => {
  it.each([
    ['SQ *BLUE BOTTLE COF OAKLAND CA', 'Blue Bottle Coffee'],
    ['TST* JOES PIZZA 123 NEW YORK NY', 'Joes Pizza'],
    ['PAYPAL *SPOTIFY', 'Spotify'],
    ['POS PURCHASE STARBUCKS #1234 SEATTLE WA', 'Starbucks'],
    ['PURCHASE AUTHORIZED ON 01/02 UBER TRIP HELP.UBER.COM CA S585002345 CARD 1234', 'Uber Trip'],
    ['AMZN Mktp US*2K3LL1', 'Amazon Marketplace'],
    ['SHELL OIL 57444 CA', 'Shell Oil'],
    ['CHECKCARD 0102 HOME DEPOT #0612 SAN FRANCISCO CA 24445001', 'Home Depot'],
    ['DEBIT CARD PURCHASE XXXX1234 TARGET T-1234 BROOKLYN NY', 'Target'],
    ['ACH DEBIT GUSTO PAYROLL 123456', 'Gusto Payroll'],
    ['7-ELEVEN 35123', '7-Eleven'],
    ['WHOLEFDS MKT 10234 BERKELEY CA', 'Wholefds Market'],
    ['Zelle payment to John Smith', 'Zelle Payment to John Smith'],
    ['  Blue   Bottle Coffee ', 'Blue Bottle Coffee'],
    ['iCloud STORAGE 2025-01-31', 'iCloud Storage'],
    ['THE UPS STORE 4412', 'The UPS Store'],
    ['ONLINE TRANSFER TO SAVINGS XXXXXX1111 REF #IB0XYZ', 'Online Transfer to Savings'],
    ['ZELLE TO JOHN SMITH ON 01/05 REF # PP0ABC', 'Zelle to John Smith'],
    ['STRIPE TRANSFER ST-X1Y2Z3 ACME LLC', 'Stripe Transfer Acme LLC'],
    ['AMAZON.COM*2K3LL1 AMZN.COM/BILL WA', 'Amazon.com'],
    ['GOOGLE *YouTube g.co/helppay#', 'YouTube'],
    ['ADOBE *CREATIVE CLOUD 800-833-6687 CA', 'Adobe Creative Cloud'],
    ['COSTCO WHSE #0123 SAN JOSE CA', 'Costco Warehouse'],
  ])('%s → %s', (description, payee) => {
    expect(cleanPayee(description)).toBe(payee);
  });

  it('falls back to the whole text when stripping leaves nothing', () => {
    expect(cleanPayee('SQ *')).toBe('Sq');
    expect(cleanPayee('12345')).toBe('12345');
    expect(cleanPayee('')).toBe('');
  });

  it('always gives tidy text, never empty when there are letters (property)', () => {
    const unit = fc.constantFrom(
      'A',
      'b',
      ' ',
      '*',
      '#',
      '1',
      '/',
      '-',
      '.',
      'CA',
      ' SQ *',
      'TST*',
      'é',
      '\u00a0',
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (description) => {
        const payee = cleanPayee(description);
        expect(payee).toBe(payee.trim());
        expect(payee).not.toMatch(/\s{2}/);
        if (/[A-Za-zé]/.test(description)) expect(payee).not.toBe('');
      }),
      { numRuns: 2000 },
    );
  });
});
