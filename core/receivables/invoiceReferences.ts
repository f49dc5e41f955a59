import type { Invoice } from '../model/invoice';

/**
 * Words that introduce an invoice number in payment text, in the languages banks print:
 * `Invoice #1042`, `INV 1042`, `Rechnung 1042`, `Rg.-Nr. 1042`, `Factura 1042`, `Facture n° 1042`,
 * `Fattura 1042`, `Factuur 1042`, `Fatura 1042`, `Faktura 1042`, `Bill 1042`.
 */
const KEYWORD =
  /(?:^|[^a-z0-9])(?:invoices?|inv|invoice\s*(?:no|nr|number|num)|rechnung(?:s(?:nummer|nr))?|rg|re-?nr|factura|fact|facture|fattura|factuur|fatura|faktura|bill|nota|nf)\.?\s*(?:-\s*)?(?:no\.?|nr\.?|n[°ºo]\.?|num\.?|number|#)?\s*[:.]?\s*#?\s*([a-z]*[-/]?[0-9][0-9a-z\-/]*)/gi;

const LIST_ITEM = /\s*(?:,|;|&|\+|\/|and|und|y|et|e|en|og|och)\s*#?\s*([a-z]*-?[0-9][0-9a-z\-/]*)/giy;

/** Strips an invoice number to what identifies it: `INV-001042` → `INV1042`. */
export function invoiceKey(number: string): string {
  return number
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '')
    .replace(/(^|[A-Z])0+(?=\d)/g, '$1');
}

/** The trailing run of digits without leading zeros: `INV-001042` → `1042`. */
export function invoiceDigits(number: string): string {
  const m = /(\d+)\D*$/.exec(number);
  return m ? m[1]!.replace(/^0+(?=\d)/, '') : '';
}

export type InvoiceIndex = {
  byKey: Map<string, Invoice[]>;
  byDigits: Map<string, Invoice[]>;
};

export function indexInvoices(invoices: readonly Invoice[]): InvoiceIndex {
  const byKey = new Map<string, Invoice[]>();
  const byDigits = new Map<string, Invoice[]>();
  const add = (map: Map<string, Invoice[]>, key: string, invoice: Invoice) => {
    if (!key) return;
    const list = map.get(key);
    if (list) list.push(invoice);
    else map.set(key, [invoice]);
  };
  for (const invoice of invoices) {
    add(byKey, invoiceKey(invoice.number), invoice);
    add(byDigits, invoiceDigits(invoice.number), invoice);
  }
  return { byKey, byDigits };
}

/**
 * The invoices a payment's text names, in the order named. A number counts when a keyword introduces
 * it (`Invoice #1042` names `INV-1042` when no other invoice ends in 1042), when the invoice's own
 * number appears whole (`INV1042`, `inv-1042`), or as an ISO 11649 creditor reference (`RF18 …`)
 * whose payload is the number. Bare digits never count: a check number or an amount looks the same.
 */
export function invoicesNamedIn(text: string, index: InvoiceIndex): Invoice[] {
  const found: Invoice[] = [];
  const add = (list: Invoice[] | undefined) => {
    if (list?.length !== 1) return; // two invoices fit the same words: the text does not decide
    if (!found.includes(list[0]!)) found.push(list[0]!);
  };
  const addToken = (token: string) => {
    const whole = index.byKey.get(invoiceKey(token));
    if (whole) add(whole);
    // `1041/1042`: two numbers written as one.
    else if (token.includes('/')) for (const part of token.split('/')) addToken(part);
    else if (/^\d+$/.test(token.replace(/-/g, ''))) add(index.byDigits.get(invoiceDigits(token)));
  };
  for (const m of text.matchAll(KEYWORD)) {
    addToken(m[1]!);
    // `Invoices 1042, 1043 and 1044`: the keyword covers the list after it.
    LIST_ITEM.lastIndex = m.index + m[0].length;
    for (let item = LIST_ITEM.exec(text); item; item = LIST_ITEM.exec(text)) addToken(item[1]!);
  }
  // Whole numbers with letters (`INV-1042`, `A2026-17`) need no keyword.
  for (const token of text.toUpperCase().match(/[A-Z0-9][A-Z0-9\-/]*[0-9][A-Z0-9]*/g) ?? []) {
    if (!/[A-Z]/.test(token)) continue;
    const list = index.byKey.get(invoiceKey(token));
    if (list && /[A-Z]/.test(invoiceKey(list[0]!.number))) add(list);
  }
  for (const reference of creditorReferences(text)) {
    add(index.byKey.get(invoiceKey(reference)) ?? index.byDigits.get(invoiceDigits(reference)));
  }
  return found;
}

/** ISO 11649 structured creditor references (`RF18 5390 0754 7034`): their payload, check digits verified. */
export function creditorReferences(text: string): string[] {
  const out: string[] = [];
  // Written whole (`RF5510431`) or in the printed groups of four (`RF18 5390 0754 7034`).
  for (const m of text
    .toUpperCase()
    .matchAll(/\bRF(\d{2})([A-Z0-9]{1,21})\b|\bRF(\d{2})((?: [A-Z0-9]{4})*(?: [A-Z0-9]{1,4}))\b/g)) {
    const check = m[1] ?? m[3]!;
    // Words may follow the groups (`RF18 5390 0754 7034 AB`): the longest run of groups that checks out.
    const groups = (m[2] ?? m[4]!).trim().split(' ');
    for (let n = groups.length; n > 0; n--) {
      const payload = groups.slice(0, n).join('');
      if (payload.length <= 21 && mod97(`${payload}RF${check}`) === 1) {
        out.push(payload);
        break;
      }
    }
  }
  return out;
}

function mod97(text: string): number {
  let rest = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    const digits = code >= 65 ? String(code - 55) : ch;
    for (const d of digits) rest = (rest * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return rest;
}
