import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, scanCsv } from '../../../core/formats/csv/parseCsv';

/** CSV-ish text: delimiters, quotes (doubled, unclosed), every line end, blank lines. */
const csvText = fc.string({
  unit: fc.constantFrom('a', '1', ',', ';', '"', '""', '\n', '\r\n', '\r', ' ', 'é'),
  maxLength: 400,
});

describe('scanCsv in batches', () => {
  it('reads the same records, lines and open quote as one pass over the whole text', () => {
    fc.assert(
      fc.property(csvText, fc.constantFrom(',', ';'), fc.integer({ min: 1, max: 5 }), (text, d, batch) => {
        const records = [];
        let open: number | undefined;
        for (let from = 0, line = 1; from < text.length; ) {
          const scan = scanCsv(text, d, true, line, from, batch);
          expect(scan.records.length).toBeLessThanOrEqual(batch);
          records.push(...scan.records);
          open = scan.unterminatedQuoteLine;
          from = scan.consumed;
          line = scan.line;
        }
        const whole = parseCsv(text, d);
        expect(records).toEqual(whole.records);
        expect(open).toBe(whole.unterminatedQuoteLine);
      }),
      { numRuns: 3000 },
    );
  });
});
