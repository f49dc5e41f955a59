import { currencyExponent, isCurrencyCode } from '../model/isoCurrencies';
import type { ColumnMapping, Profile } from '../model/profile';
import type { Transaction } from '../model/transaction';
import {
  type CaptureDiagnostics,
  type CapturedGroup,
  CURRENCY_ASSUMED,
  type DuplicateRegion,
  type SelfCheck,
  type SignConvention,
  type SignDecision,
} from './captureDiagnostics';
import { chooseMapping, columnStats } from './chooseMapping';
import { accountIn, completeCapture, type RowDraft, type RowsShare } from './completeCapture';
import {
  type Boxed,
  buildDomNodes,
  type DomNode,
  onScreen,
  type VisibilityTest,
  visibilityTest,
} from './domTree';
import { findDuplicateRegions } from './duplicateRegions';
import { findRowGroups, measureShapes, type PageShapes, type RowGroup } from './findRowGroups';
import { inVisualOrder, rowPartners } from './gridRows';
import type { PortalKind } from './inferKind';
import { matchesUrl } from './matchesUrl';
import { accountNamedIn, findAccount, findCardCue, type PageSettings, pageSettings } from './pageSettings';
import { PENDING_CLASS, type ReadResult, readRows, type SkippedRow, TOTAL_LABEL } from './readRows';
import { type Cell, columnHeaders, layoutOf, rowCells, spannedCells } from './rowCells';
import { containerLabels, findHeadings, type RowContext, rowContexts } from './rowContext';
import { type CheckedGroup, selfChecks, type TotalLine } from './selfChecks';
import { recordWidth, splitRecords } from './sideBySide';
import { unreadableRows } from './unreadableRows';
import {
  clearValueMemos,
  looksLikeDate,
  looksLikeMoney,
  NOT_TRANSACTIONS_HEADING,
  setMilsMoney,
  setWholeUnitMoney,
  showsCents,
} from './valueShapes';

export type CaptureOptions = {
  /** The page's address: recorded in `origin.url` and used to pick a profile. */
  url: string;
  /** The date "Today" and year-less dates are read against; defaults to the capture's date. */
  asOf?: string;
  /** ISO timestamp of the capture; defaults to now. */
  capturedAt?: string;
  profiles?: Profile[];
  /** A corrected column mapping (from diagnostics, edited by the owner); wins over guesses and profiles. */
  mapping?: ColumnMapping;
  defaultCurrency?: string;
  /** Whether a person sees an element; in a browser `checkVisibility()` is used when this is not given. */
  isVisible?: VisibilityTest;
  /** The owner's saved sign convention for this site: wins over the page's cues and profiles. */
  signConvention?: SignConvention;
};

export type CaptureResult = { transactions: Transaction[]; diagnostics: CaptureDiagnostics };

/** A page read up to its ids: its rows, what they share, and the page's own checks that mark them. */
export type CapturedDrafts = {
  drafts: RowDraft[];
  share: RowsShare;
  checks: SelfCheck[];
  diagnostics: CaptureDiagnostics;
};

type Page = {
  all: DomNode[];
  shapes: PageShapes;
  headings: DomNode[];
  settings: PageSettings;
  asOf: string;
  url: string;
  /** The text outside the rows that says the page is a card account's. */
  cardCue?: string;
};

type Identity = {
  institution: string;
  account: string;
  portalKind: PortalKind;
  conventions: Partial<Profile['conventions']>;
  profileId?: string;
  forcedSign?: SignConvention;
  /**
   * A list under a heading naming another account of the owner's (a bank page showing checking and
   * savings one under the other) is that account's; not on card pages, whose sections are the
   * cardholders' cards of one account, nor where a profile names the account.
   */
  accountsBySection: boolean;
};

type GroupOutcome = {
  read: ReadResult;
  group: CapturedGroup;
  excluded: number;
  rows: DomNode[];
  /** Page row number of `rows[0]`. */
  first: number;
};

function readGroup(
  page: Page,
  domRows: DomNode[],
  container: DomNode,
  given: ColumnMapping,
  identity: Identity,
  firstRowNumber: number,
): GroupOutcome {
  const layout = layoutOf(domRows[0]!);
  const headers = columnHeaders(domRows[0]!, layout);
  const isDate = (t: string) => looksLikeDate(t, page.asOf);
  // Contexts are found in document order; a virtualized grid's rows are then read in its own order.
  const { rows, contexts } = inVisualOrder(
    domRows,
    rowContexts(domRows, container, page.headings, page.shapes.dateNodes, isDate),
  );
  // A block of rows between a row and the list holding them, classed pending, holds pending rows.
  rows.forEach((row, i) => {
    for (let a = row.parent; a && a !== container; a = a.parent) {
      if (a.cls !== '' && PENDING_CLASS.test(a.cls)) {
        contexts[i]!.pendingBlock = true;
        break;
      }
    }
  });
  const labels = containerLabels(container);
  const skipped: SkippedRow[] = [];
  let kept: number[] = [];
  const footer: number[] = [];
  // Rows share their few sections: each is judged once.
  const notListed = new Map<string, boolean>();
  rows.forEach((row, i) => {
    const own = contexts[i]!.section;
    const section = `${own} ${labels}`;
    let notTransactions = notListed.get(own);
    if (notTransactions === undefined) {
      notTransactions = NOT_TRANSACTIONS_HEADING.test(section);
      notListed.set(own, notTransactions);
    }
    if (notTransactions) {
      skipped.push({
        row: firstRowNumber + i,
        reason: `in "${section.trim()}", not a list of transactions`,
        text: row.text.slice(0, 120),
        notTransaction: true,
      });
    } else if (row.parent?.tag === 'tfoot') {
      footer.push(i);
      // A table's footer holds its totals and opening/closing balances, not transactions.
      skipped.push({
        row: firstRowNumber + i,
        reason: "in the table's footer: a total or balance line",
        text: row.text.slice(0, 120),
        notTransaction: true,
      });
    } else kept.push(i);
  });
  const spanned = layout === 'table' ? spannedCells(rows) : undefined;
  const partners = layout === 'grid' ? rowPartners(rows, page.all) : undefined;
  let cells: Cell[][] = kept.map((i) =>
    rowCells(rows[i]!, layoutOf(rows[i]!), headers, page.asOf, spanned?.[i], partners?.get(rows[i]!)),
  );
  // Several records side by side in one row (checks paid, two or three across): one line each.
  const width = layout === 'table' ? recordWidth(headers) : undefined;
  if (width) {
    const records = cells.map((c) => splitRecords(c, width));
    kept = kept.flatMap((i, k) => records[k]!.map(() => i));
    cells = records.flat();
  }
  const keptRows = kept.map((i) => rows[i]!);
  const chosen = chooseMapping(columnStats(cells, page.asOf), given);
  // What names the list: its heading and the labels of its box (a currency, an account).
  const heading = `${contexts[0]?.section ?? ''} ${labels}`;
  const settings = {
    asOf: page.asOf,
    portalKind: identity.portalKind,
    currency: identity.conventions.currency ?? sectionCurrency(heading) ?? page.settings.currency,
    fallbackOrder: page.settings.fallbackOrder,
    orderAssumed: page.settings.orderAssumed,
    fallbackSeparator: page.settings.fallbackSeparator,
    conventions: identity.conventions,
    payoutList: identity.conventions.amountSign === undefined && isPayoutList(page, contexts, labels, cells),
    ...(page.cardCue ? { cardCue: page.cardCue } : {}),
    starMeansPending: page.settings.starMeansPending,
    ...(identity.forcedSign ? { forcedSign: identity.forcedSign } : {}),
    ...(identity.profileId ? { profileId: identity.profileId } : {}),
  };
  const hasAmount = chosen.mapping.amount || chosen.mapping.debit || chosen.mapping.credit;
  const read: ReadResult = hasAmount
    ? readRows(
        keptRows,
        cells,
        kept.map((i) => contexts[i]!),
        chosen,
        settings,
        firstRowNumber,
      )
    : { drafts: [], skipped: [], notes: [] };
  // Rows under a heading naming another of the owner's accounts are that account's (said on each).
  const account = groupAccount(identity, heading);
  if (account !== identity.account) for (const d of read.drafts) d.account = account;
  // A list of the owner's accounts (each "Checking ••1234", one as-of date) is not activity.
  if (isAccountList(read)) {
    for (const d of read.drafts) {
      read.skipped.push({
        row: d.origin.row,
        reason: 'a list of accounts and balances, not transactions',
        text: d.description,
        notTransaction: true,
      });
    }
    read.drafts = [];
  }
  // Row numbers in readRows count kept rows; map them back to the page's row numbers.
  // Each draft's origin is its own object (made in readRows): set in place, not copied. With it
  // the cells its row showed: of several records side by side in one row, the last one's.
  const rawRows: Array<{ row: number; cells: string[] }> = [];
  for (let n = 0; n < read.drafts.length; n++) {
    const d = read.drafts[n]!;
    let k = d.origin.row - firstRowNumber;
    const i = kept[k]!;
    while (kept[k + 1] === i) k++;
    d.origin.row = firstRowNumber + i;
    rawRows.push({ row: d.origin.row, cells: cells[k]!.map((c) => c.text) });
  }
  read.rawRows = rawRows;
  for (const s of read.skipped) s.row = firstRowNumber + kept[s.row - firstRowNumber]!;
  for (const t of read.totals ?? []) t.row = firstRowNumber + kept[t.row - firstRowNumber]!;
  read.totals = [
    ...(read.totals ?? []),
    ...footerTotals(rows, footer, headers, chosen.mapping, page, firstRowNumber),
  ];
  if (!hasAmount && keptRows.length > 0) {
    skipped.push({
      row: firstRowNumber + kept[0]!,
      reason: `${keptRows.length} rows with no amount column (only balances?)`,
      text: keptRows[0]!.text.slice(0, 120),
      notTransaction: true,
    });
  }
  read.skipped.push(...skipped);
  return {
    read,
    rows,
    first: firstRowNumber,
    excluded: read.skipped.filter((s) => s.notTransaction).length,
    group: {
      rows: rows.length,
      captured: read.drafts.length,
      columns: chosen.columns.map((c) => c.key),
      mapping: chosen.mapping,
      reasons: chosen.reasons,
      ...(read.dateOrder ? { dateOrder: read.dateOrder } : {}),
      ...(read.decimalSeparator ? { decimalSeparator: read.decimalSeparator } : {}),
      section: contexts[0]?.section ?? '',
    },
  };
}

/** The figures of a table footer's totals line, under the columns the rows' mapping names. */
function footerTotals(
  rows: DomNode[],
  footer: number[],
  headers: string[],
  mapping: ColumnMapping,
  page: Page,
  firstRowNumber: number,
): TotalLine[] {
  const out: TotalLine[] = [];
  for (const i of footer) {
    const row = rows[i]!;
    if (!TOTAL_LABEL.test(row.text)) continue;
    const cells = rowCells(row, layoutOf(row), headers, page.asOf);
    const figure = (key: string | undefined) => {
      const text = key ? cells.find((c) => c.key === key)?.text : undefined;
      return text && looksLikeMoney(text) ? text : undefined;
    };
    const debit = figure(mapping.debit);
    const credit = figure(mapping.credit);
    const amount = figure(mapping.amount);
    if (!debit && !credit && !amount) continue;
    out.push({
      row: firstRowNumber + i,
      label: cells.find((c) => TOTAL_LABEL.test(c.text))?.text ?? 'Total',
      ...(debit ? { debit } : {}),
      ...(credit ? { credit } : {}),
      ...(amount ? { amount } : {}),
    });
  }
  return out;
}

const PAYOUTS_PATH =
  /^[a-z][\w+.-]*:\/\/[^/?#]*(?:\/[^?#]*)?\/(?:payouts|auszahlungen|versements)\/?(?:[?#]|$)/i;
const PAYOUTS_TITLE = /^(?:(?:all|recent|your|past|upcoming)\s+)?(?:payouts|auszahlungen|versements)\b/i;
/** A column naming a payout, its arrival, or where the money went ("Destination": a processor's transfers to the bank). */
const PAYOUT_COLUMN =
  /\barrival\b|^(?:payout|auszahlung)(?:\s+(?:id|date|amount|status|number|#))?$|^(?:destination|deposited to|sent to|zielkonto|destination bank)$/i;
const PAYOUT_ID = /^po_[A-Za-z0-9]{8,}$/;

/**
 * A processor's list of payouts, on a portal no profile knows: the address or the list's title says
 * payouts, its columns name a payout or an arrival date, or its rows are `po_…` payouts. Payouts
 * shown positive are money leaving the processor balance.
 */
function isPayoutList(page: Page, contexts: RowContext[], labels: string, cells: Cell[][]): boolean {
  if (PAYOUTS_PATH.test(page.url)) return true;
  if (
    PAYOUTS_TITLE.test(contexts[0]?.section ?? '') ||
    labels.split(' · ').some((l) => PAYOUTS_TITLE.test(l))
  )
    return true;
  if (cells[0]?.some((c) => PAYOUT_COLUMN.test(c.header))) return true;
  // A `po_…` id holds "po_": the other cells are not trimmed and matched.
  const withIds = cells.filter((row) =>
    row.some((c) => c.text.includes('po_') && PAYOUT_ID.test(c.text.trim())),
  ).length;
  return cells.length > 0 && withIds * 2 > cells.length;
}

const ACCOUNT_NAME =
  /(?:•{2,}|\*{2,}|[xX]{2,}|\.{3}|…|ending in|endet auf)\s*\d{2,5}\b|\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){3,}/;

function isAccountList(read: ReadResult): boolean {
  const { drafts } = read;
  return (
    drafts.length >= 2 && drafts.every((d) => ACCOUNT_NAME.test(d.description) && d.date === drafts[0]!.date)
  );
}

function readFoundRows(
  page: Page,
  found: RowGroup[],
  given: ColumnMapping,
  identity: Identity,
): GroupOutcome[] {
  const outcomes: GroupOutcome[] = [];
  let next = 1;
  for (const group of found) {
    outcomes.push(readGroup(page, group.rows, group.container, given, identity, next));
    next += group.rows.length;
  }
  return outcomes;
}

function readSelectedRows(
  page: Page,
  selector: string,
  given: ColumnMapping,
  identity: Identity,
): GroupOutcome[] {
  const rows = page.all.filter((n) => {
    try {
      return n.el.matches(selector) && page.shapes.money[n.start]! > 0;
    } catch {
      return false;
    }
  });
  if (rows.length === 0) return [];
  return [readGroup(page, rows, commonAncestor(rows), given, identity, 1)];
}

/** Where a profile no longer fits: its rows gone, its columns renamed, its rows unreadable. */
function profileDrift(
  profile: Profile,
  attempt: GroupOutcome[],
  override: ColumnMapping,
): { drift: string[]; fits: boolean } {
  const drift: string[] = [];
  if (profile.rowSelector && attempt.length === 0) {
    return { drift: [`profile ${profile.id}: no rows match "${profile.rowSelector}" any more`], fits: false };
  }
  const main = [...attempt].sort((a, b) => b.group.captured - a.group.captured)[0];
  if (!main) return { drift: [`profile ${profile.id}: no transaction rows found`], fits: false };
  const missingFields = Object.keys(profile.columns).filter(
    (field) => !(field in override) && main.group.reasons[field as keyof ColumnMapping] !== 'given',
  );
  const missing = missingFields.map(
    (field) => `${field} ("${profile.columns[field as keyof ColumnMapping]}")`,
  );
  if (missing.length > 0) {
    drift.push(
      `profile ${profile.id}: columns not found: ${missing.join(', ')}; the page shows ${main.group.columns.join(', ')}`,
    );
  }
  const readable = main.group.rows - main.excluded;
  const partial = main.group.captured * 2 < readable;
  if (main.group.captured === 0)
    drift.push(`profile ${profile.id}: ${main.group.rows} rows found but none read`);
  else if (partial) drift.push(`profile ${profile.id}: read only ${main.group.captured} of ${readable} rows`);
  const required = ['date', 'amount', 'debit', 'credit'];
  const fits = main.group.captured > 0 && !partial && !missingFields.some((f) => required.includes(f));
  return { drift, fits };
}

function confidenceOf(groups: CapturedGroup[], skipped: number): number {
  const rows = groups.reduce((s, g) => s + g.rows, 0);
  const captured = groups.reduce((s, g) => s + g.captured, 0);
  if (captured === 0) return 0;
  const certainty = groups
    .filter((g) => g.captured > 0)
    .map((g) => {
      const how = [g.reasons.date, g.reasons.amount ?? g.reasons.debit];
      return how.reduce((p, r) => p * (r === 'values' ? 0.85 : 1), 1);
    });
  const mapping = Math.min(...certainty);
  const coverage = captured / Math.max(rows - skipped, captured);
  return Math.round(mapping * coverage * 100) / 100;
}

/** Frames this page cannot read (another site's, or not saved with the page): where the rows may be. */
function withFrames(reason: string, root: Document | Element): string {
  const unread = Array.from(root.querySelectorAll('iframe[src], frame[src]')).filter((f) => {
    try {
      return !(f as HTMLIFrameElement).contentDocument;
    } catch {
      return true;
    }
  });
  if (unread.length === 0) return reason;
  const sources = [...new Set(unread.map((f) => f.getAttribute('src') ?? ''))].slice(0, 3).join(', ');
  return `${reason}; the page shows ${unread.length === 1 ? 'a frame' : `${unread.length} frames`} that cannot be read from here (${sources}): open the frame's own page and capture it there`;
}

function explainEmpty(groups: CapturedGroup[], skipped: SkippedRow[], drift: string[]): string {
  if (groups.length === 0) {
    return 'no repeated rows holding both a date and an amount were found on this page';
  }
  // Reasons that differ only in what they quote are counted as one; the quote is kept when it is one.
  const reasons = new Map<string, { n: number; said: string | undefined }>();
  for (const s of skipped) {
    const key = s.reason.replace(/"[^"]*"/g, '"…"');
    const seen = reasons.get(key);
    if (!seen) reasons.set(key, { n: 1, said: s.reason });
    else {
      seen.n++;
      if (seen.said !== s.reason) seen.said = undefined;
    }
  }
  const top = [...reasons.entries()].sort((a, b) => b[1].n - a[1].n).slice(0, 3);
  const why = top.map(([r, { n, said }]) => `${n}× ${said ?? r}`).join('; ');
  return `rows were found but none could be read as transactions${why ? `: ${why}` : ''}${drift.length ? ` (${drift.join('; ')})` : ''}`;
}

/**
 * Reads the transactions shown on a portal page. A profile matching the URL is tried first; when
 * it no longer fits the page the generic extractor reads it and the drift is reported. Never
 * "success, 0": an empty result carries the reason.
 */
export function capturePage(root: Document | Element, options: CaptureOptions): CaptureResult {
  const { drafts, share, checks, diagnostics } = captureDrafts(root, options);
  return { transactions: completeCapture(drafts, share, checks), diagnostics };
}

/**
 * capturePage without its last step (completeCapture: ids, and the failed checks on each line):
 * the extension's content script reads the page with it and the background, which stays warm
 * between captures, completes the rows it receives.
 */
export function captureDrafts(root: Document | Element, options: CaptureOptions): CapturedDrafts {
  clearValueMemos();
  const capturedAt = options.capturedAt ?? new Date().toISOString();
  const asOf = options.asOf ?? capturedAt.slice(0, 10);
  const all = buildDomNodes(root, options.isVisible ? { isVisible: options.isVisible } : {});
  const tree = all[0];
  const settings = pageSettings(root, all, options.defaultCurrency, options.url);
  // Won and yen have no cents: on such a page "3,850,000" is money though it bears no mark. So on
  // a page that names its currency and shows no figure with cents anywhere (Taiwan's dollars).
  setWholeUnitMoney(
    !settings.currencyAssumed && (currencyExponent(settings.currency) === 0 || !all.some(showsCents)),
  );
  setMilsMoney(!settings.currencyAssumed && currencyExponent(settings.currency) === 3);
  const page: Page = {
    all,
    shapes: measureShapes(all, asOf),
    headings: findHeadings(all),
    settings,
    asOf,
    url: options.url,
  };
  const layout = visibilityTest(root, options.isVisible) !== undefined;
  const groupsFound = layout
    ? onScreenRows(findRowGroups(all, page.shapes))
    : findRowGroups(all, page.shapes);
  const { found, headings: headingRows } = withoutHeadingRows(groupsFound);
  const foundRows = found.flatMap((g) => g.rows);
  const pageAccount = findAccount(all, foundRows);
  const outsideFound = outsideRows(all, foundRows);
  const cardCue = findCardCue(outsideFound);
  if (cardCue) page.cardCue = cardCue;
  const profile = options.profiles?.find((p) =>
    p.urlPatterns.some((pattern) => matchesUrl(pattern, options.url)),
  );
  const identity: Identity = {
    institution: profile?.institution ?? 'generic',
    account: profile?.account ?? pageAccount ?? 'unknown',
    portalKind: profile?.portalKind ?? (cardCue ? 'card' : 'bank'),
    conventions: profile?.conventions ?? {},
    ...(profile ? { profileId: profile.id } : {}),
    ...(options.signConvention ? { forcedSign: options.signConvention } : {}),
    accountsBySection: !profile?.account && !cardCue,
  };
  const drift: string[] = [];
  const notes: string[] = [];
  if (headingRows > 0)
    notes.push(
      `${headingRows} lines holding only a date and an amount, each above a group of rows, are the groups' headings (a day and its total), not transactions`,
    );
  let outcomes: GroupOutcome[] = [];
  let path: CaptureDiagnostics['path'] = 'generic';

  if (profile) {
    const given = { ...profile.columns, ...options.mapping };
    const attempt = profile.rowSelector
      ? readSelectedRows(page, profile.rowSelector, given, identity)
      : readFoundRows(page, found, given, identity);
    const fit = profileDrift(profile, attempt, options.mapping ?? {});
    drift.push(...fit.drift);
    if (fit.fits) {
      outcomes = attempt;
      path = 'profile';
    } else notes.push('the profile does not fit this page: read with the generic extractor');
  }
  if (path === 'generic') outcomes = readFoundRows(page, found, options.mapping ?? {}, identity);

  const duplicateRegions = dropDuplicateRegions(outcomes);
  nameUnreadableRows(outcomes, page);
  const drafts = outcomes.flatMap((o) => o.read.drafts).sort((a, b) => a.origin.row - b.origin.row);
  const groups = outcomes.map((o) => o.group);
  const skipped = outcomes.flatMap((o) => o.read.skipped).sort((a, b) => a.row - b.row);
  notes.push(...outcomes.flatMap((o) => o.read.notes));
  const mainOutcome = [...outcomes].sort((a, b) => b.group.captured - a.group.captured)[0];
  const main = mainOutcome?.group;
  const signConvention: SignDecision =
    mainOutcome?.read.signConvention ??
    (options.signConvention
      ? { convention: options.signConvention, decidedBy: 'forced' }
      : { convention: 'as-shown', decidedBy: 'assumed' });
  const currency = identity.conventions.currency ?? settings.currency;
  const rawRows = outcomes.flatMap((o) => o.read.rawRows ?? []).sort((a, b) => a.row - b.row);
  if (
    settings.currencyAssumed &&
    !identity.conventions.currency &&
    drafts.length > 0 &&
    drafts.every((t) => t.amount.currency === currency) &&
    !groups.some((g) => g.columns.some(showsCurrency)) &&
    !rawRows.some((r) => r.cells.some(showsCurrency))
  ) {
    notes.push(`${CURRENCY_ASSUMED}: amounts read as ${currency}`);
  }
  const checks = selfChecks(
    outcomes.map(checkedGroup),
    // Read from the rows found, the groups hold those rows: the nodes outside them are known.
    path === 'profile' && profile?.rowSelector
      ? outsideRows(
          all,
          outcomes.flatMap((o) => o.rows),
        )
      : outsideFound,
    currency,
    (t) => looksLikeDate(t, asOf),
  );
  const diagnostics: CaptureDiagnostics = {
    path,
    ...(profile ? { profile: { id: profile.id, name: profile.name } } : {}),
    mapping: main?.mapping ?? {},
    groups,
    skipped,
    duplicateRegions,
    signConvention,
    checks,
    verified: checks.every((c) => c.ok),
    rawRows,
    confidence: confidenceOf(
      groups,
      outcomes.reduce((s, o) => s + o.excluded, 0),
    ),
    drift,
    notes: [...new Set([...notes, ...checks.flatMap((c) => (c.partial ? [c.partial] : []))])],
    asOf,
    currency,
    account: accountIn(identity.account, drafts[0]?.amount.currency ?? currency),
    institution: identity.institution,
    ...(drafts.length === 0
      ? {
          noTransactionsReason: withFrames(
            tree?.text || tree?.hint ? explainEmpty(groups, skipped, drift) : 'the page is empty',
            root,
          ),
        }
      : {}),
  };
  setWholeUnitMoney(false);
  setMilsMoney(false);
  const share = {
    institution: identity.institution,
    account: identity.account,
    url: options.url,
    capturedAt,
  };
  return { drafts, share, checks, diagnostics };
}

const CURRENCY_SIGN = /\p{Sc}/u;
const CODE_LIKE = /\b[A-Z]{3}\b/g;

/**
 * A currency sign (any Unicode currency symbol) or an ISO 4217 code in a text; asked of the
 * columns and cells one by one, stopping at the first (no array of every cell on the page).
 */
function showsCurrency(text: string): boolean {
  return CURRENCY_SIGN.test(text) || (text.match(CODE_LIKE) ?? []).some((code) => isCurrencyCode(code));
}

/** The account a list's heading names when it is not the page's own (other last four digits). */
function groupAccount(identity: Identity, heading: string): string {
  const named = identity.accountsBySection ? accountNamedIn(heading) : undefined;
  return named && named.slice(-4) !== identity.account.slice(-4) ? named : identity.account;
}

/**
 * The one ISO code a list's heading names ("British pound · GBP", "EUR account"): a wallet's
 * pockets list bare figures under it. Not in a heading in capitals ("ALL ACTIVITY": ALL is a code).
 */
function sectionCurrency(heading: string): string | undefined {
  const code = /(?<![\p{L}\d])[A-Z]{3}(?![\p{L}\d])/gu;
  const codes = new Set(Array.from(heading.matchAll(code), (m) => m[0]).filter(isCurrencyCode));
  if (codes.size !== 1) return undefined;
  const rest = heading.replace(code, '').replace(/[^\p{L}]/gu, '');
  return rest.replace(/[^\p{Lu}]/gu, '').length * 2 > rest.length ? undefined : [...codes][0];
}

/**
 * A group whose rows hold no words, only a date and an amount, each followed by rows of a
 * described group, heads those rows ("Nov 20, 2026   −$16.50": the day and its total).
 */
function withoutHeadingRows(groups: RowGroup[]): { found: RowGroup[]; headings: number } {
  const described = groups.filter((g) => g.described > 0);
  if (described.length === 0) return { found: groups, headings: 0 };
  const rowStarts = described.flatMap((g) => g.rows.map((r) => r.start)).sort((a, b) => a - b);
  const found: RowGroup[] = [];
  let headings = 0;
  for (const g of groups) {
    if (g.described > 0 || g.rows.length < 2) {
      found.push(g);
      continue;
    }
    // Each heading is followed, before the next heading, by at least one described row.
    let heads = 0;
    for (let i = 0; i < g.rows.length; i++) {
      const after = g.rows[i]!.end;
      const before = g.rows[i + 1]?.start ?? Number.POSITIVE_INFINITY;
      let lo = 0;
      let hi = rowStarts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (rowStarts[mid]! <= after) lo = mid + 1;
        else hi = mid;
      }
      if (lo < rowStarts.length && rowStarts[lo]! < before) heads++;
    }
    if (heads === g.rows.length) headings += g.rows.length;
    else found.push(g);
  }
  return { found, headings };
}

/**
 * With layout: rows whose box is off the page or has no size are not seen, nor are rows inside a
 * box that clips them to nothing; the groups keep the rows a person sees.
 */
function onScreenRows(groups: RowGroup[]): RowGroup[] {
  const out: RowGroup[] = [];
  for (const g of groups) {
    const el = g.container.el as Element & { getBoundingClientRect?: unknown };
    if (typeof el.getBoundingClientRect !== 'function') {
      out.push(g);
      continue;
    }
    // The page's own box, read once: a box left of or above it is off-screen.
    const page = (g.container.el.ownerDocument?.documentElement as Boxed | null)?.getBoundingClientRect();
    if (!onScreen(g.container.el, page)) continue;
    const rows = g.rows.filter((r) => onScreen(r.el, page));
    if (rows.length > 0) out.push(rows.length === g.rows.length ? g : { ...g, rows });
  }
  return out;
}

/** The rows the checks judge and what the page lists, per group that was read. */
function checkedGroup(o: GroupOutcome): CheckedGroup {
  // Rows the page lists as transactions: those read, and those left out for their status or unreadable.
  const listed =
    o.read.drafts.length +
    o.read.skipped.filter((s) => !s.notTransaction || s.reason.startsWith('status ')).length;
  return {
    rows: o.read.drafts,
    totals: o.read.totals ?? [],
    listed,
    ...(o.rows.length > 0
      ? {
          span: {
            start: Math.min(...o.rows.map((r) => r.start)),
            end: Math.max(...o.rows.map((r) => r.end)),
          },
        }
      : {}),
    ...(o.read.decimalSeparator ? { decimalSeparator: o.read.decimalSeparator } : {}),
  };
}

/** Nodes outside every row read (rows are disjoint and in document order). */
function outsideRows(all: DomNode[], rows: DomNode[]): DomNode[] {
  const sorted = [...rows].sort((a, b) => a.start - b.start);
  const out: DomNode[] = [];
  let r = 0;
  for (let i = 0; i < all.length; i++) {
    const n = all[i]!;
    while (r < sorted.length && sorted[r]!.end < n.start) r++;
    const row = sorted[r];
    if (row && row.start <= n.start && n.start <= row.end) continue;
    out.push(n);
  }
  return out;
}

/**
 * Regions listing the same rows (a desktop table and a mobile list) keep one copy: the other's
 * rows leave the capture and are named in `skipped`, each with the row it repeats.
 */
function dropDuplicateRegions(outcomes: GroupOutcome[]): DuplicateRegion[] {
  const copies = findDuplicateRegions(
    outcomes.map((o) => ({
      rows: o.read.drafts,
      // The fuller reading: more fields mapped from headers, then more rows read.
      score: Object.keys(o.group.mapping).length * 1000 + o.group.captured,
    })),
  );
  return copies.map((c) => {
    const gone = outcomes[c.dropped]!;
    const rows = gone.read.drafts.length;
    for (const d of gone.read.drafts) {
      gone.read.skipped.push({
        row: d.origin.row,
        reason: `repeats row ${c.repeats.get(d.origin.row) ?? '?'}: the same rows are listed twice on the page`,
        text: d.description,
        notTransaction: true,
      });
    }
    gone.read.drafts = [];
    gone.read.rawRows = [];
    gone.read.totals = [];
    gone.group.captured = 0;
    return {
      kept: c.kept,
      dropped: c.dropped,
      rows,
      message: `group ${c.dropped + 1} (${rows} rows) lists the same dates and amounts as group ${c.kept + 1}: read once, from group ${c.kept + 1}`,
    };
  });
}

/** Rows beside the rows read that hold a date but no readable amount go into `skipped`, named. */
function nameUnreadableRows(outcomes: GroupOutcome[], page: Page): void {
  let next = outcomes.reduce((n, o) => Math.max(n, o.first + o.rows.length), 1);
  for (const o of outcomes) {
    const captured = o.read.drafts.map((d) => o.rows[d.origin.row - o.first]!);
    const found = unreadableRows(o.rows, captured, o.group.mapping, page.shapes, page.asOf, next, o.first);
    o.read.skipped.push(...found);
    next += found.length;
  }
}

function commonAncestor(nodes: DomNode[]): DomNode {
  let a = nodes[0]!;
  for (const n of nodes) {
    while (a.parent && !(a.start <= n.start && n.start <= a.end)) a = a.parent;
  }
  return a;
}
