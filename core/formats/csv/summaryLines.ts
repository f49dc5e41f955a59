/**
 * Lines of a bank CSV that state a balance or a total instead of moving money ("Closing balance",
 * "Saldo anterior", "Totals"). Read as transactions they would book the account's whole balance as
 * a deposit. The words must be the line's whole text (a figure or date may follow), so "NEW BALANCE
 * #123 BOSTON" (a shoe shop) or "TOTAL WINE & MORE" stay purchases; the figures then confirm.
 */

const OPENING = String.raw`(?:beginning|opening|starting|start|previous|prior)\s+balance|balance\s+(?:brought\s+forward|b\/f)|brought\s+forward|anfangssaldo|alter\s+saldo|saldo\s+(?:inicial|anterior|iniziale|precedente|vorig|alt)|solde\s+(?:initial|pr[ée]c[ée]dent|de\s+d[ée]but|d'ouverture)|ancien\s+solde|beginsaldo|startsaldo|ing[åa]ende\s+saldo`;
const CLOSING = String.raw`(?:ending|closing|final|new|end)\s+balance|balance\s+(?:carried\s+forward|c\/f)|carried\s+forward|endsaldo|schlusssaldo|neuer\s+saldo|saldo\s+(?:final|finale|actual|attuale|nieuw|neu)|solde\s+(?:final|de\s+fin|de\s+cl[ôo]ture)|nouveau\s+solde|eindsaldo|slutsaldo|utg[åa]ende\s+saldo`;
/** Either: "Balance", "Solde au 31/10/2026", "Saldo per 31.10.2026", "Kontostand". */
const EITHER = 'balance|solde|saldo|kontostand';
/** What may follow the words: nothing, or when and a figure ("as of 11/01/2026", "au 31.10.2026: 1 234,56"). */
const TAIL = String.raw`(?:\s*[:\-–]?\s*(?:(?:as\s+(?:of|at)|at|on|au|per|am|zum|al|del?|op|for)\b[^a-z]*(?:[a-zé]{3,9}\.?[^a-z]*)?|[\d][\d./\-\s,]*)?)?\s*:?\s*$`;

const BALANCE_LINE = new RegExp(`^(?:(${OPENING})|(${CLOSING})|(${EITHER}))${TAIL}`, 'i');

const TOTAL_LINE =
  /^(?:sub-?\s?totals?|totals?|grand\s+total|total\s+g[ée]n[ée]ral|summen?|gesamt(?:summe)?|totaal|totale|somme)(?:\s+(?:of\s+)?(?:debits?|credits?|amounts?|transactions|withdrawals|deposits|payments|charges|money\s+(?:in|out)|in|out|soll|haben|ums[aä]tze|for\b.*|du\b.*|des\b.*|de\b.*|del\b.*|der\b.*))?\s*:?\s*$/i;

/**
 * The first two letters, lower-cased, of every word a summary line can start with: nearly every
 * description is turned away by two character reads instead of the expressions (a row costs that).
 */
const STARTS = new Set(
  'be op st pr ba br an al sa so in en cl fi ne no ca sc ei sl ut ko su to gr ge'
    .split(' ')
    .map((p) => (p.charCodeAt(0) << 16) | p.charCodeAt(1)),
);
/** Longer than any balance or total line with its date and figure. */
const LONGEST = 72;

function mayBeSummary(text: string): boolean {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) <= 32) i++;
  if (text.length - i > LONGEST || text.length - i < 5) return false;
  // `| 32` lower-cases ASCII letters; other characters fall outside the set either way.
  return STARTS.has(((text.charCodeAt(i) | 32) << 16) | (text.charCodeAt(i + 1) | 32));
}

export type SummaryLine = { kind: 'balance'; side: 'opening' | 'closing' | undefined } | { kind: 'total' };

/** Whether `text` (a line's description, or its first text cell) states a balance or a total. */
export function summaryLine(text: string): SummaryLine | undefined {
  if (!mayBeSummary(text)) return undefined;
  const t = text.trim();
  const b = BALANCE_LINE.exec(t);
  if (b) return { kind: 'balance', side: b[1] ? 'opening' : b[2] ? 'closing' : undefined };
  return TOTAL_LINE.test(t) ? { kind: 'total' } : undefined;
}

/**
 * Sums of the lines read so far, as the file shows them (before any sign flip), for checking a
 * total line against: since the start, and since the last total line (a file may total by month).
 */
export class RunningSums {
  private all: Sums = { net: 0, debits: 0, credits: 0, lines: 0 };
  private since: Sums = { net: 0, debits: 0, credits: 0, lines: 0 };
  /** The currency of every line so far, or '' once two were seen: sums across currencies mean nothing. */
  private currency: string | undefined;

  add(minor: number, currency: string): void {
    if (this.currency === undefined) this.currency = currency;
    else if (this.currency !== currency) this.currency = '';
    tally(this.all, minor);
    tally(this.since, minor);
  }

  get linesSoFar(): number {
    return this.all.lines;
  }

  /**
   * Whether a total line's figures agree with the lines above: one figure (net, or the debits or
   * credits alone, either sign), or a debit and a credit figure. Says what the lines add to.
   */
  check(figures: { net?: number; debit?: number; credit?: number }, currency: string): TotalCheck {
    const scopes = [this.since, this.all];
    const above = this.since;
    this.since = { net: 0, debits: 0, credits: 0, lines: 0 };
    if (this.currency !== currency) return { agrees: false, above: undefined };
    for (const s of scopes) {
      if (s.lines === 0) continue;
      if (figures.net !== undefined) {
        const v = figures.net;
        if (v === s.net || Math.abs(v) === s.debits || (v >= 0 && v === s.credits))
          return { agrees: true, lines: s.lines };
      } else if (
        (figures.debit === undefined || Math.abs(figures.debit) === s.debits) &&
        (figures.credit === undefined || Math.abs(figures.credit) === s.credits)
      )
        return { agrees: true, lines: s.lines };
    }
    return { agrees: false, above };
  }
}

function tally(s: Sums, minor: number): void {
  s.net += minor;
  if (minor < 0) s.debits -= minor;
  else s.credits += minor;
  s.lines++;
}

export type Sums = { net: number; debits: number; credits: number; lines: number };

/** `above`: the lines since the last total, undefined when they are in other currencies than the total. */
export type TotalCheck = { agrees: true; lines: number } | { agrees: false; above: Sums | undefined };
