import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCsvTokenizer } from '../../../core/formats/csv/csvTokenizer';
import { parseCsv } from '../../../core/formats/csv/parseCsv';
import { streamBankCsv } from '../../../core/formats/csv/streamBankCsv';
import { importFile } from '../../../core/formats/importFile';
import type { ImportOptions } from '../../../core/formats/importTypes';
import type { Transaction } from '../../../core/model/transaction';
import { CAPTURED_AT } from './loadFile';

const DIR = new URL('../../fixtures/bank-csv/', import.meta.url);
const utf8 = (text: string) => new TextEncoder().encode(text);
const row = (t: Transaction) => [t.date, t.amount.minor, t.amount.currency, t.description, t.status];

/**
 * Bank exports as their banks write them (layouts from the banks' published export formats),
 * every row checked: date, amount, currency, description, status; and every warning.
 */
const EXPECTED: Record<
  string,
  {
    currency?: string;
    rows: Array<[string, number, string, string, string]>;
    warnings: Array<[string, number | null]>;
  }
> = {
  'br-banco-do-brasil.csv': {
    currency: 'BRL',
    rows: [
      ['2026-11-05', -20000, 'BRL', 'Pix - Enviado — 05/11 10:21 Joao Silva', 'posted'],
      ['2026-11-12', 35000, 'BRL', 'Pix - Recebido — 12/11 08:00 Maria Souza', 'posted'],
      ['2026-11-30', -2990, 'BRL', 'Tarifa Pacote de Serviços — Cobrança referente 11/2026', 'posted'],
    ],
    warnings: [],
  },
  'br-nubank.csv': {
    currency: 'BRL',
    rows: [
      ['2026-11-03', -5290, 'BRL', 'Compra no débito - Padaria Pão Quente', 'posted'],
      ['2026-11-14', 150000, 'BRL', 'Transferência recebida pelo Pix - CLIENTE LTDA', 'posted'],
      ['2026-11-25', -12000, 'BRL', 'Pagamento de boleto efetuado - ENEL', 'posted'],
    ],
    warnings: [],
  },
  'ch-postfinance.csv': {
    rows: [
      [
        '2026-11-28',
        -2345,
        'CHF',
        'KAUF/DIENSTLEISTUNG VOM 27.11.2026 KARTEN NR. XXXX1234 COOP-1234 ZUERICH',
        'posted',
      ],
      ['2026-11-25', 500000, 'CHF', 'GUTSCHRIFT AUFTRAGGEBER: MUSTER AG LOHN NOVEMBER', 'posted'],
    ],
    warnings: [
      ['invalid_date', 11],
      ['invalid_date', 12],
    ],
  },
  'de-commerzbank.csv': {
    rows: [
      ['2026-11-30', -4499, 'EUR', 'Vodafone GmbH Kd-Nr 123456 Rechnung 11/2026', 'posted'],
      ['2026-11-16', 12000, 'EUR', 'Rueckerstattung Versicherung AG', 'posted'],
      ['2026-11-04', -6130, 'EUR', 'Tankstelle Aral 0815', 'posted'],
    ],
    warnings: [],
  },
  'de-dkb.csv': {
    rows: [
      ['2026-11-05', -3995, 'EUR', 'Telekom Deutschland GmbH — Festnetz 11/2026', 'posted'],
      ['2026-11-12', 280000, 'EUR', 'Blue Door GmbH — Gehalt November', 'posted'],
      ['2026-11-14', -2317, 'EUR', 'REWE Markt', 'posted'],
    ],
    warnings: [],
  },
  'de-ing-diba.csv': {
    rows: [
      ['2026-11-20', -85000, 'EUR', 'Miete Hausverwaltung Schmidt — Miete Wohnung 3OG', 'posted'],
      ['2026-11-15', 250000, 'EUR', 'Arbeitgeber AG — Lohn November', 'posted'],
      ['2026-11-02', -2999, 'EUR', 'Amazon EU S.a.r.l. — Bestellung 302-1234567', 'posted'],
    ],
    warnings: [],
  },
  'de-sparkasse-camt.csv': {
    rows: [
      ['2026-11-28', -380, 'EUR', 'BAECKEREI KRAUS//KOELN/DE — 2026-11-27 Debitk.1 VISA Debit', 'pending'],
      ['2026-11-27', -8420, 'EUR', 'Stadtwerke Koeln GmbH — Abschlag Strom 11/2026', 'posted'],
      ['2026-11-03', 123456, 'EUR', 'Mueller & Soehne KG — Rechnung 2026-118', 'posted'],
    ],
    warnings: [],
  },
  'de-volksbank-soll-haben.csv': {
    rows: [
      ['2026-11-02', -11240, 'EUR', 'Allianz Versicherungs-AG — Beitrag Haftpflicht', 'posted'],
      ['2026-11-13', 150000, 'EUR', 'Kunde Meier — Rechnung 77', 'posted'],
      ['2026-11-21', -203000, 'EUR', 'Stadtkasse — Gewerbesteuer Q4', 'posted'],
    ],
    warnings: [],
  },
  // Headerless, debit and credit in two columns never both filled (a credit's debit cell is empty).
  'de-targobank-headerless.csv': {
    currency: 'EUR',
    rows: [
      [
        '2026-11-28',
        -6200,
        'EUR',
        'LASTSCHRIFT STADTWERKE MUSTERSTADT GMBH ABSCHLAG STROM 11/2026 KD-NR 4711',
        'posted',
      ],
      ['2026-11-27', 245000, 'EUR', 'GUTSCHRIFT ACME SOFTWARE GMBH GEHALT NOVEMBER 2026', 'posted'],
      ['2026-11-25', -3427, 'EUR', 'KARTENZAHLUNG REWE MARKT FILIALE 0815 MUSTERSTADT', 'posted'],
      ['2026-11-24', -78000, 'EUR', 'DAUERAUFTRAG MIETE WOHNUNG HAUPTSTR. 1 NOVEMBER', 'posted'],
      ['2026-11-20', 8316, 'EUR', 'GUTSCHRIFT ERSTATTUNG VERSANDHANDEL BEISPIEL RETOURE 123-456', 'posted'],
      ['2026-11-18', -10000, 'EUR', 'BARGELDAUSZAHLUNG GELDAUTOMAT BAHNHOFSTR.', 'posted'],
      ['2026-11-15', -1999, 'EUR', 'LASTSCHRIFT MOBILFUNK AG RECHNUNG 11/2026 VERTRAG 998877', 'posted'],
      ['2026-11-12', 50, 'EUR', 'GUTSCHRIFT KRANKENKASSE BEISPIEL ERSTATTUNG ARZTRECHNUNG', 'posted'],
      ['2026-11-10', -500, 'EUR', 'KARTENZAHLUNG TANKSTELLE NORD KARTE 1234', 'posted'],
      ['2026-11-05', -120000, 'EUR', 'UEBERWEISUNG VEREIN SPORT E.V. MITGLIEDSBEITRAG 2027', 'posted'],
    ],
    warnings: [],
  },
  'es-banco.csv': {
    rows: [
      ['2026-11-03', -4530, 'EUR', 'COMPRA TARJ. 5402 MERCADONA VALENCIA', 'posted'],
      ['2026-11-15', 120000, 'EUR', 'TRANSFERENCIA DE CLIENTE GARCIA', 'posted'],
      ['2026-11-28', -8712, 'EUR', 'RECIBO IBERDROLA CLIENTES', 'posted'],
    ],
    warnings: [],
  },
  'fr-banque.csv': {
    rows: [
      ['2026-11-04', -4510, 'EUR', 'PRELEVEMENT EDF CLIENTS PARTICULIERS', 'posted'],
      ['2026-11-12', 150000, 'EUR', 'VIREMENT EN VOTRE FAVEUR DUPONT SARL', 'posted'],
      ['2026-11-26', -780, 'EUR', 'CARTE X1234 25/11 BOULANGERIE PAUL', 'posted'],
    ],
    warnings: [],
  },
  'it-banca.csv': {
    rows: [
      ['2026-11-02', -3450, 'EUR', 'PAGAMENTO POS ESSELUNGA MILANO', 'posted'],
      ['2026-11-10', 230000, 'EUR', 'BONIFICO A VOSTRO FAVORE DA ROSSI SRL', 'posted'],
      ['2026-11-20', -7890, 'EUR', 'ADDEBITO SDD ENEL ENERGIA', 'posted'],
    ],
    warnings: [],
  },
  'nl-abnamro-headerless.tab': {
    rows: [
      ['2026-11-03', -1245, 'EUR', 'BEA NR:5XR4T1 03.11.26/17.31 ALBERT HEIJN 1403,PAS123', 'posted'],
      [
        '2026-11-04',
        -5000,
        'EUR',
        'SEPA Incasso algemeen doorlopend Incassant: NL12ZZZ123 Naam: Vodafone Libertel',
        'posted',
      ],
      [
        '2026-11-10',
        200000,
        'EUR',
        'SEPA Overboeking IBAN: NL91ABNA0417164300 Naam: Klant BV Omschrijving: Factuur 12',
        'posted',
      ],
    ],
    warnings: [],
  },
  'nl-ing.csv': {
    rows: [
      [
        '2026-11-03',
        -1245,
        'EUR',
        'Albert Heijn 1403 — Pasvolgnr:001 03-11-2026 17:31 Transactie:ABC123 Term:TT4521',
        'posted',
      ],
      [
        '2026-11-05',
        -15000,
        'EUR',
        'Gemeente Amsterdam — Naam: Gemeente Amsterdam Omschrijving: Parkeervergunning',
        'posted',
      ],
      [
        '2026-11-25',
        245000,
        'EUR',
        'Werkgever BV — Naam: Werkgever BV Omschrijving: Salaris november',
        'posted',
      ],
    ],
    warnings: [],
  },
  'nl-rabobank.csv': {
    rows: [
      ['2026-11-02', -250, 'EUR', 'Jumbo Utrecht — Betaalautomaat 12:01 pasnr. 012', 'posted'],
      ['2026-11-04', 100000, 'EUR', 'J. de Vries — Terugbetaling lening — deel 1 van 3', 'posted'],
      ['2026-11-18', -6731, 'EUR', 'Eneco Services — Termijnbedrag november — klantnr 5512', 'posted'],
    ],
    warnings: [],
  },
  'uk-barclays.csv': {
    currency: 'GBP',
    rows: [
      ['2026-11-02', -1240, 'GBP', 'TESCO STORES 3217 ON 01 NOV BCC', 'posted'],
      ['2026-11-13', 250000, 'GBP', 'ACME LTD SALARY BGC', 'posted'],
      ['2026-11-28', -85000, 'GBP', 'LANDLORD RENT SO', 'posted'],
    ],
    warnings: [],
  },
  'us-1990s-two-digit-years.csv': {
    rows: [
      ['1998-12-28', 50000, 'USD', 'OPENING DEPOSIT', 'posted'],
      ['1999-01-04', -4500, 'USD', 'CHECK 101', 'posted'],
      ['1999-01-15', 120000, 'USD', 'PAYROLL', 'posted'],
    ],
    warnings: [['assumed_currency', null]],
  },
  'us-capitalone-debit-credit.csv': {
    rows: [
      ['2026-11-01', -545, 'USD', 'STARBUCKS STORE 00123', 'posted'],
      ['2026-11-05', 25000, 'USD', 'CAPITAL ONE MOBILE PYMT', 'posted'],
      ['2026-11-09', -6318, 'USD', 'AMAZON.COM*AB1CD2EF3', 'posted'],
    ],
    warnings: [['assumed_currency', null]],
  },
  'us-typo-date.csv': {
    rows: [
      ['2026-11-01', -450, 'USD', 'COFFEE', 'posted'],
      ['2026-11-03', 10000, 'USD', 'CLIENT PAYMENT', 'posted'],
      ['2026-11-04', -90000, 'USD', 'RENT', 'posted'],
    ],
    warnings: [
      ['assumed_currency', null],
      ['invalid_date', 3],
    ],
  },
  'us-wellsfargo-headerless.csv': {
    rows: [
      ['2026-11-03', -1250, 'USD', 'PURCHASE AUTHORIZED ON 11/02 SAFEWAY #1234 OAKLAND CA', 'posted'],
      ['2026-11-15', 240000, 'USD', 'ACME PAYROLL DIRECT DEP 111526', 'posted'],
      ['2026-11-20', -180000, 'USD', 'CHECK # 1043', 'posted'],
    ],
    warnings: [['assumed_currency', null]],
  },
};

describe('bank CSVs from many countries', () => {
  it.each(Object.keys(EXPECTED))('%s: every row and every warning', (name) => {
    const expected = EXPECTED[name]!;
    const options: ImportOptions = {
      capturedAt: CAPTURED_AT,
      ...(expected.currency ? { currency: expected.currency } : {}),
    };
    const r = importFile({ name, bytes: new Uint8Array(readFileSync(new URL(name, DIR))) }, options);
    if (!r.ok) expect.fail(JSON.stringify(r.problems));
    expect(r.format).toBe('bank-csv');
    expect(r.transactions.map(row)).toEqual(expected.rows);
    expect(r.warnings.map((w) => [w.code, w.line ?? null])).toEqual(expected.warnings);
  });

  it('says in the report which columns, currency source and date order it used', () => {
    const r = importFile(
      { name: 'nl-ing.csv', bytes: new Uint8Array(readFileSync(new URL('nl-ing.csv', DIR))) },
      { capturedAt: CAPTURED_AT },
    );
    if (!r.ok) expect.fail(JSON.stringify(r.problems));
    expect(r.report?.currency).toEqual({ code: 'EUR', source: 'header' });
    expect(r.report?.dateOrder).toBe('dmy');
    expect(r.report?.columns).toEqual(
      expect.arrayContaining([
        { role: 'direction', column: '"Af Bij"' },
        { role: 'amount', column: '"Bedrag (EUR)"' },
        { role: 'balance', column: '"Saldo na mutatie"' },
      ]),
    );
  });
});

describe('evidence over whole columns', () => {
  const imp = (csv: string, options: ImportOptions = {}) => {
    const r = importFile(
      { name: 'x.csv', bytes: utf8(csv) },
      { capturedAt: CAPTURED_AT, currency: 'USD', ...options },
    );
    if (!r.ok) expect.fail(JSON.stringify(r.problems));
    return r;
  };

  it('a typo row (13/45/2026) is skipped with its line and never flips the column to day-first', () => {
    const r = imp(
      'Date,Description,Amount\n03/04/2026,A,-1.00\n13/45/2026,Typo,-2.00\n03/05/2026,B,-3.00\n03/06/2026,C,-4.00\n',
    );
    expect(r.transactions.map((t) => t.date)).toEqual(['2026-03-04', '2026-03-05', '2026-03-06']);
    expect(r.warnings.map((w) => [w.code, w.line])).toEqual([['invalid_date', 3]]);
  });

  it('when no date decides, the row order does; when nothing decides, the warning says what was assumed', () => {
    // Read day-first these rows would run 1 Feb, 1 Mar, 1 Apr: a month apart each. Month-first: three days.
    expect(
      imp('Date,Description,Amount\n02/01/2026,A,-1.00\n02/02/2026,B,-1.00\n02/03/2026,C,-1.00\n', {
        currency: 'GBP',
      }).transactions.map((t) => t.date),
    ).toEqual(['2026-02-01', '2026-02-02', '2026-02-03']);
    const alone = imp('Date,Description,Amount\n02/01/2026,A,-1.00\n', { currency: 'GBP' });
    expect(alone.warnings.map((w) => w.code)).toContain('date_order_assumed');
  });

  it('refuses amounts that are not numbers, naming the line: --5, (-5.00), 5-5, two decimal separators, letters', () => {
    const r = imp(
      'Date,Description,Amount\n2026-11-01,ok,-1.00\n2026-11-02,a,--5\n2026-11-03,b,(-5.00)\n2026-11-04,c,5-5\n2026-11-05,d,1.234.56\n2026-11-06,e,12abc\n',
    );
    expect(r.transactions.map((t) => t.amount.minor)).toEqual([-100]);
    expect(r.warnings.map((w) => [w.code, w.line, w.field])).toEqual([
      ['invalid_amount', 3, 'amount'],
      ['invalid_amount', 4, 'amount'],
      ['invalid_amount', 5, 'amount'],
      ['invalid_amount', 6, 'amount'],
      ['invalid_amount', 7, 'amount'],
    ]);
  });

  it('negates a card export that shows money out as positive when the balance column says so', () => {
    const r = imp(
      'Date,Description,Amount,Balance\n2026-11-01,Coffee,4.50,95.50\n2026-11-02,Refund,-10.00,105.50\n2026-11-03,Books,20.00,85.50\n',
    );
    expect(r.transactions.map((t) => t.amount.minor)).toEqual([-450, 1000, -2000]);
  });

  it('finds the header below a title line as wide as the table', () => {
    const r = imp(
      'Kontoumsätze;;;\nDatum;Text;Betrag;Saldo\n01.11.2026;Miete;-500,00;1.000,00\n02.11.2026;Kaffee;-3,50;996,50\n',
      { currency: 'EUR' },
    );
    expect(r.transactions.map((t) => [t.date, t.description, t.amount.minor])).toEqual([
      ['2026-11-01', 'Miete', -50000],
      ['2026-11-02', 'Kaffee', -350],
    ]);
  });

  it('never describes a row by an empty or constant column; numbered descriptions are joined in order', () => {
    const r = imp(
      'Date,Notes,Account,Amount,Description 2,Description 1\n2026-11-01,,CHK,-1.00,store 1,Coffee\n2026-11-02,,CHK,-2.00,,Tea\n2026-11-03,,CHK,-3.00,x,Cake\n',
    );
    expect(r.transactions.map((t) => t.description)).toEqual(['Coffee — store 1', 'Tea', 'Cake — x']);
  });
});

describe('a cut-off download', () => {
  const full =
    'Date,Description,Amount\n2026-11-01,"Coffee",-4.50\n2026-11-01,"Coffee",-4.50\n2026-11-02,"Rent, Nov",-900.00\n2026-11-03,"Client",100.00\n';

  it('ends inside a quote: a warning names the line, the rows before keep the ids of the whole file', () => {
    const cut = full.slice(0, full.indexOf('Nov'));
    const whole = importFile(
      { name: 'a.csv', bytes: utf8(full) },
      { capturedAt: CAPTURED_AT, currency: 'USD' },
    );
    const part = importFile(
      { name: 'a.csv', bytes: utf8(cut) },
      { capturedAt: CAPTURED_AT, currency: 'USD' },
    );
    if (!whole.ok || !part.ok) expect.fail('both import');
    expect(part.transactions.map((t) => t.id)).toEqual(whole.transactions.slice(0, 2).map((t) => t.id));
    expect(part.warnings).toEqual([expect.objectContaining({ code: 'truncated_file', line: 4 })]);
    expect(part.warnings[0]!.message).toMatch(/ends inside a quoted field opened on line 4/);
  });

  it('ends mid-line without a line break: the short last line is not read as a smaller amount', () => {
    const cut = 'Date,Description,Amount,Balance\n2026-11-01,Coffee,-4.50,95.50\n2026-11-02,Rent,-900';
    const r = importFile({ name: 'b.csv', bytes: utf8(cut) }, { capturedAt: CAPTURED_AT, currency: 'USD' });
    if (!r.ok) expect.fail(JSON.stringify(r.problems));
    expect(r.transactions.map((t) => t.amount.minor)).toEqual([-450]);
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'truncated_file', line: 3 })]);
  });
});

describe('streaming', () => {
  it('the chunked tokenizer gives the records parseCsv gives, whatever the chunk size', () => {
    const text = 'a;b\r\n"x; y";"say ""hi""\nthere"\r\n\r\nlast;\n"q"";";z\r';
    const whole = parseCsv(text, ';').records;
    for (const size of [1, 2, 3, 5, 8, 1000]) {
      const tokenizer = createCsvTokenizer(';');
      const records = [];
      for (let i = 0; i < text.length; i += size) records.push(...tokenizer.push(text.slice(i, i + size)));
      records.push(...tokenizer.end().records);
      expect(records).toEqual(whole);
    }
  });

  it('streamBankCsv yields exactly what importFile yields, ids included', async () => {
    for (const name of [
      'de-ing-diba.csv',
      'nl-abnamro-headerless.tab',
      'us-typo-date.csv',
      'ch-postfinance.csv',
    ]) {
      const text = readFileSync(new URL(name, DIR), 'utf8');
      const options = { currency: 'USD', capturedAt: CAPTURED_AT };
      const whole = importFile({ name, bytes: utf8(text) }, options);
      if (!whole.ok) expect.fail(name);
      const streamed: Transaction[] = [];
      async function* chunks() {
        for (let i = 0; i < text.length; i += 7) yield text.slice(i, i + 7);
      }
      const result = await streamBankCsv(chunks(), { file: name, capturedAt: CAPTURED_AT, options }, (t) =>
        streamed.push(t),
      );
      if (!result.ok) expect.fail(JSON.stringify(result.problems));
      expect(streamed).toEqual(whole.transactions);
      expect(result.value.warnings).toEqual(whole.warnings);
    }
  });
});
