import { describe, expect, it } from 'vitest';
import { importFile } from '../../../core/formats/importFile';
import { CAPTURED_AT, FIXTURES, imported } from './loadFile';

const OFX = `${FIXTURES}ofx/`;
const text = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

describe('OFX downloads that were cut short', () => {
  it('SGML cut inside a transaction: the complete ones are read with the ids the whole file gives, the cut one is left out, the end is named', () => {
    const whole = imported(`${OFX}checking-4417-march.ofx`);
    expect(whole.transactions.map((t) => [t.date, t.amount.minor, t.externalId, t.description])).toEqual([
      ['2026-03-02', -4217, '202603020001', 'KROGER #512'],
      ['2026-03-03', 150000, '202603030002', 'PAYROLL ACME INC'],
      ['2026-03-05', -25000, '202603050003', 'CHECK 1043'],
      ['2026-03-06', -1299, '202603060004', 'NETFLIX.COM'],
      ['2026-03-09', -50000, '202603090005', 'TRANSFER TO SAVINGS 4421'],
      ['2026-03-31', -500, '202603310006', 'MONTHLY SERVICE FEE'],
    ]);
    expect(whole.warnings).toEqual([]);
    const cut = imported(`${OFX}checking-4417-march-cut.ofx`);
    expect(cut.transactions).toEqual(
      whole.transactions
        .slice(0, 4)
        .map((t) => ({ ...t, origin: { ...t.origin, file: 'ofx/checking-4417-march-cut.ofx' } })),
    );
    expect(cut.balances).toEqual([]);
    expect(cut.warnings).toEqual([
      expect.objectContaining({
        code: 'file_truncated',
        line: 78,
        element: 'STMTTRN',
        message: expect.stringMatching(
          /ends on line 78 inside <STMTTRN> \(opened on line 75\).*<\/STMTTRN><\/BANKTRANLIST><\/STMTRS><\/STMTTRNRS><\/BANKMSGSRSV1><\/OFX> are missing/,
        ),
      }),
    ]);
  });

  it('OFX 2 (XML) credit card cut inside a date: three of four read, the same ids as the whole file', () => {
    const whole = imported(`${OFX}visa-9921-march.ofx`);
    const cut = imported(`${OFX}visa-9921-march-cut.ofx`);
    expect(whole.transactions.map((t) => [t.amount.minor, t.kind])).toEqual([
      [-2340, 'charge'],
      [-6102, 'charge'],
      [2340, 'refund'],
      [50000, 'transfer'],
    ]);
    expect(cut.transactions.map((t) => t.id)).toEqual(whole.transactions.slice(0, 3).map((t) => t.id));
    expect(cut.warnings.map((w) => [w.code, w.line, w.element])).toEqual([['file_truncated', 10, 'STMTTRN']]);
  });

  it('refuses a cut file of which nothing is complete, naming where it ends', () => {
    const r = importFile(
      {
        name: 'cut.ofx',
        bytes: text(
          'OFXHEADER:100\n\n<OFX>\n<BANKMSGSRSV1>\n<STMTTRNRS>\n<STMTRS>\n<CURDEF>USD\n<BANKTRANLIST>\n<STMTTRN>\n<TRNAMT>-1',
        ),
      },
      { capturedAt: CAPTURED_AT },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({
      code: 'file_truncated',
      file: 'cut.ofx',
      line: 10,
      element: 'STMTTRN',
    });
  });

  it('refuses files nested 20,000 deep with a reason, not a crash', () => {
    const deep = `<OFX>${'<A>'.repeat(20_000)}x${'</A>'.repeat(20_000)}</OFX>`;
    const ofx = importFile({ name: 'deep.ofx', bytes: text(deep) }, { capturedAt: CAPTURED_AT });
    expect(ofx).toMatchObject({ ok: false, problems: [{ code: 'too_deep', file: 'deep.ofx', line: 1 }] });
    const xml = `<?xml version="1.0"?>\n<Document>${'<a>'.repeat(20_000)}${'</a>'.repeat(20_000)}</Document>`;
    const camt = importFile({ name: 'deep.xml', bytes: text(xml) }, { capturedAt: CAPTURED_AT });
    expect(camt).toMatchObject({ ok: false, problems: [{ code: 'too_deep', file: 'deep.xml', line: 2 }] });
  });
});
