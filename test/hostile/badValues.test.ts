import { describe, expect, it } from 'vitest';
import * as g from './hostileInputs';
import { expectHandled, printed, readArgs, run, scratch } from './hostileRun';

/**
 * Unseen bad inputs, as a careless or hostile user gives them, through the real command line:
 * never a crash, never a silent wrong or empty result, every refusal names the file and where.
 */

/**
 * Inputs that still fail (each test below is `it.fails` while its name is here, so fixing one
 * turns its test red until the name is removed). Why each fails is in the name's comment.
 */
const KNOWN: ReadonlySet<string> = new Set([]);
const test = (name: string) => (KNOWN.has(name) ? it.fails : it);

const EXTENSIONS = ['csv', 'ofx', 'qfx', 'qif', 'xml', 'html', 'json'];
const noise = new Uint8Array(Array.from({ length: 600 }, (_, i) => (i * 97 + 13) % 256));
const NOT_FILES: Array<[string, string | Uint8Array]> = [
  ['empty', ''],
  ['bom-only', '\uFEFF'],
  ['blank lines', '\n\n   \n'],
  ['binary', noise],
];

describe('files that hold nothing readable', () => {
  for (const ext of EXTENSIONS)
    for (const [label, content] of NOT_FILES) {
      it(`${label} .${ext} is refused naming the file, by import/capture and reconcile`, async () => {
        const s = scratch();
        const file = s.write(`${label.replace(/\W/g, '-')}.${ext}`, content);
        for (const argv of [readArgs(file), ['reconcile', file, '--json']]) {
          const out = await run(argv, s.dir);
          expect(out.code, out.stderr).toBe(1);
          expectHandled(out, file, { locate: label === 'binary' && ext !== 'html' });
        }
      });
    }
});

type Format = { name: string; file: string; make(rows: g.Row[]): string; date?: (iso: string) => string };
const FORMATS: Format[] = [
  { name: 'csv', file: 'bank.csv', make: (r) => g.csv(r) },
  { name: 'qif', file: 'bank.qif', make: (r) => g.qif(r, (d) => d) },
  { name: 'ofx', file: 'bank.ofx', make: (r) => g.ofx(r) },
  { name: 'camt.052', file: 'report.xml', make: (r) => g.camt('052', r) },
  { name: 'camt.053', file: 'statement.xml', make: (r) => g.camt('053', r) },
  { name: 'camt.054', file: 'notice.xml', make: (r) => g.camt('054', r) },
  { name: 'json', file: 'rows.json', make: (r) => g.jsonList(r) },
  { name: 'batch', file: 'batch.json', make: (r) => g.jsonBatch(r) },
  { name: 'page', file: 'activity.html', make: (r) => g.page(r, (d) => d) },
];
const readBy = (f: Format) => (f.file.endsWith('.json') ? ['reconcile', f.file, '--json'] : readArgs(f.file));
const withBad = (field: keyof g.Row, value: string) =>
  g.GOOD_ROWS.map((r, i) => (i === 1 ? { ...r, [field]: value } : r));
const BAD = g.GOOD_ROWS[1]!.description;

/** The bad row is refused (the whole file, or that row with a warning), never guessed. */
async function expectRowRefused(f: Format, content: string, value: string) {
  const s = scratch();
  s.write(f.file, content);
  const out = await run(readBy(f), s.dir);
  expectHandled(out, f.file, { rows: 3 });
  const rows = printed(out);
  expect(
    rows.filter((t) => t.description === BAD),
    `the row holding ${value} was read`,
  ).toEqual([]);
  if (out.code === 0) {
    expect(rows).toHaveLength(2);
    const said = [value, value.replaceAll('-', ''), value.replace(/^[-(]+|\)$/g, '')];
    expect(
      said.some((v) => out.stderr.includes(v)),
      `the warning does not quote ${value}`,
    ).toBe(true);
  }
}

describe('impossible dates, in every format', () => {
  for (const f of FORMATS)
    for (const date of ['2026-02-30', '2026-13-45', '2026-00-10']) {
      const name = `${f.name}: date ${date}`;
      test(name)(name, () => expectRowRefused(f, f.make(withBad('date', date)), date));
    }
  for (const f of FORMATS.filter((x) => ['csv', 'qif', 'page'].includes(x.name))) {
    const name = `${f.name}: date 13/45/2026`;
    const slash = (iso: string) => iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$2/$3/$1');
    const rows = withBad('date', '13/45/2026').map((r) => ({ ...r, date: slash(r.date) }));
    const content =
      f.name === 'csv' ? g.csv(rows) : f.name === 'qif' ? g.qif(rows, (d) => d) : g.page(rows, (d) => d);
    test(name)(name, () => expectRowRefused(f, content, '13/45/2026'));
  }
});

describe('amounts that are not numbers, in every format', () => {
  for (const f of FORMATS)
    for (const amount of ['--5', '(-5.00)', '5-5', '1.2.3', 'abc', '5e3', 'NaN']) {
      const name = `${f.name}: amount ${amount}`;
      const value = f.name.startsWith('camt') ? amount.replace(/^-/, '') : amount;
      test(name)(name, () => expectRowRefused(f, f.make(withBad('amount', amount)), value));
    }
});

describe('currencies that are not ISO 4217 codes, in every format that names one', () => {
  const cases: Array<[string, string, (c: string) => string]> = [
    ['ofx', 'bank.ofx', (c) => g.ofx(g.GOOD_ROWS, c)],
    ['camt.052', 'r.xml', (c) => g.camt('052', g.GOOD_ROWS, { currency: c })],
    ['camt.053', 's.xml', (c) => g.camt('053', g.GOOD_ROWS, { currency: c })],
    ['camt.054', 'n.xml', (c) => g.camt('054', g.GOOD_ROWS, { currency: c })],
    ['json', 'rows.json', (c) => g.jsonList(g.GOOD_ROWS.map((r) => ({ ...r, currency: c })))],
    ['batch', 'batch.json', (c) => g.jsonBatch(g.GOOD_ROWS.map((r) => ({ ...r, currency: c })))],
  ];
  for (const [name, file, make] of cases)
    for (const code of ['XYZ', 'ABC', '$', '€', 'US', 'USDD']) {
      it(`${name}: currency ${code} is refused naming it, never read as another currency`, async () => {
        const s = scratch();
        s.write(file, make(code));
        const out = await run(
          file.endsWith('.json') ? ['reconcile', file, '--json'] : ['import', file],
          s.dir,
        );
        expectHandled(out, file, { rows: 3 });
        expect(out.code, 'a file whose every row has a bad currency read as nothing').toBe(1);
        expect(out.stderr).toContain(code);
      });
    }
});

describe('nesting far deeper than any real file', () => {
  const N = 20_000;
  const cases: Array<[string, string]> = [
    [
      'deep.xml',
      `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">${'<a>'.repeat(N)}${'</a>'.repeat(N)}</Document>`,
    ],
    [
      'deep.ofx',
      `OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX>${'<A>'.repeat(N)}${'</A>'.repeat(N)}</OFX>`,
    ],
    [
      'deep-xml.ofx',
      `<?xml version="1.0"?><?OFX OFXHEADER="200" VERSION="220"?><OFX>${'<A>'.repeat(N)}${'</A>'.repeat(N)}</OFX>`,
    ],
    ['unclosed.ofx', `OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX>${'<A>'.repeat(N)}`],
    ['deep.html', `<html><body>${'<div>'.repeat(N)}x${'</div>'.repeat(N)}</body></html>`],
    [
      'deep-table.html',
      `<html><body>${'<table><tr><td>'.repeat(N / 4)}5.00${'</td></tr></table>'.repeat(N / 4)}</body></html>`,
    ],
    ['deep.json', `${'['.repeat(N)}${']'.repeat(N)}`],
    ['deep-object.json', `${'{"a":'.repeat(N)}1${'}'.repeat(N)}`],
  ];
  for (const [file, content] of cases)
    it(`${file} is refused, not a stack overflow`, async () => {
      const s = scratch();
      s.write(file, content);
      const argv = file.endsWith('.json') ? ['reconcile', file, '--json'] : readArgs(file);
      const out = await run(argv, s.dir);
      expect(out.code, out.stderr.slice(0, 400)).toBe(1);
      expectHandled(out, file, { locate: !file.endsWith('.html') });
    });
});

describe('rules files', () => {
  const leaf = '{"field":"description","op":"contains","value":"Cafe"}';
  const rule = (conditions: string, actions = '[{"type":"setCategory","category":"Meals"}]', extra = '') =>
    `[{"schemaVersion":2,"id":"r1","name":"Cafe"${extra},"conditions":[${conditions}],"actions":${actions}}]`;
  const nest = (n: number) => `${'{"field":"any","conditions":['.repeat(n)}${leaf}${']}'.repeat(n)}`;
  const cases: Array<[string, string, RegExp]> = [
    ['misspelled rule field', rule(leaf, undefined, ',"enable":true'), /enable.*enabled/],
    [
      'misspelled action field',
      rule(leaf, '[{"type":"setCategory","catgory":"Meals"}]'),
      /catgory.*category/,
    ],
    [
      'misspelled condition field',
      rule('{"feild":"description","op":"contains","value":"Cafe"}'),
      /feild|field/,
    ],
    ['unknown operator', rule('{"field":"description","op":"containz","value":"Cafe"}'), /op/],
    ['5,000-deep groups', rule(nest(5000)), /deep|nest|level/],
    ['20,000-deep arrays', `${'['.repeat(20_000)}${']'.repeat(20_000)}`, /row 1|rules/],
    ['not JSON', '{"rules": [', /JSON/],
    ['empty', '', /JSON|empty/],
    ['broken pattern', rule('{"field":"description","op":"matches","value":"(["}'), /pattern|position/],
  ];
  for (const [label, text, says] of cases)
    it(`${label}: refused naming the file and the field; an existing book stays as it was`, async () => {
      const s = scratch();
      s.write('bank.csv', g.csv(g.GOOD_ROWS));
      const first = await run(['reconcile', 'bank.csv', '--out', 'book.xlsx'], s.dir);
      expect(first.code, first.stderr).toBe(0);
      const { readFileSync } = await import('node:fs');
      const before = readFileSync(`${s.dir}/book.xlsx`);
      s.write('rules.json', text);
      const out = await run(['reconcile', 'bank.csv', '--out', 'book.xlsx', '--rules', 'rules.json'], s.dir);
      expect(out.code, out.stderr.slice(0, 400)).toBe(1);
      expectHandled(out, 'rules.json');
      expect(out.stderr).toMatch(says);
      expect(out.stderr.length, 'one refusal, not thousands of lines').toBeLessThan(20_000);
      expect(readFileSync(`${s.dir}/book.xlsx`).equals(before)).toBe(true);
    });
});

describe('saved pages in reconcile', () => {
  it('a page row with an impossible date is left out of reconcile with a warning naming its row', async () => {
    const s = scratch();
    s.write(
      'activity.html',
      g.page(withBad('date', '2026-02-30'), (d) => d),
    );
    const out = await run(['reconcile', 'activity.html', '--json', '--url', 'https://bank.example/a'], s.dir);
    expectHandled(out, 'activity.html', { rows: 3 });
    expect(printed(out).map((t) => t.description)).not.toContain(BAD);
    expect(out.stderr).toMatch(/activity\.html, row \d+: .*2026-02-30/);
  });
});
