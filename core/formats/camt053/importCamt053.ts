import { isoFromParts } from '../../dates/calendar';
import type { StatementBalance } from '../../model/account';
import { isCurrencyCode } from '../../model/currency';
import { type Problem, problem } from '../../model/problem';
import { fail, ok, type Result } from '../../model/result';
import type { TransactionDraft, TransactionKind } from '../../model/transaction';
import { institutionSlug, maskedAccount } from '../accountLabel';
import type { ImportContext, ParsedFile } from '../importTypes';
import { cutDownload } from '../markup/cutDownload';
import { at, child, children, descendants, type MarkupNode, textAt } from '../markup/markupNode';
import { parseXml } from '../markup/parseXml';
import { roundedMinor } from '../roundedMinor';

const BALANCE_KINDS: Record<string, StatementBalance['kind']> = {
  OPBD: 'opening',
  PRCD: 'opening',
  CLBD: 'closing',
  CLAV: 'available',
};

/** `<Amt Ccy="EUR">8.850</Amt>` with its `CdtDbtInd`; CAMT amounts are unsigned, the indicator signs them. */
function signedAmount(
  node: MarkupNode,
  element: string,
): Result<{ minor: number; currency: string; rounded: boolean }> {
  const amt = child(node, 'Amt');
  const currency = amt?.attrs.Ccy?.toUpperCase();
  const m = /^(\d+)(?:\.(\d+))?$/.exec(amt?.text.trim() ?? '');
  const where = { element, line: (amt ?? node).line };
  if (!amt || !currency || !m) {
    return fail(
      problem(
        'invalid_amount',
        `<${element}> has no readable <Amt Ccy="…"> (found "${amt?.text.trim() ?? ''}")`,
        where,
      ),
    );
  }
  if (!isCurrencyCode(currency)) {
    return fail(
      problem(
        'invalid_currency',
        `<${element}> amount is in "${amt.attrs.Ccy}", not an ISO 4217 currency`,
        where,
      ),
    );
  }
  const indicator = textAt(node, 'CdtDbtInd');
  if (indicator !== 'CRDT' && indicator !== 'DBIT') {
    return fail(
      problem(
        'invalid_indicator',
        `<${element}> has CdtDbtInd "${indicator ?? ''}", expected CRDT or DBIT`,
        where,
      ),
    );
  }
  const minor = roundedMinor(indicator === 'DBIT', m[1]!, m[2] ?? '', currency);
  if (!minor.ok) return fail(...minor.problems.map((p) => ({ ...p, ...where })));
  return ok({ minor: minor.value.minor, currency, rounded: minor.value.rounded });
}

/**
 * `<BookgDt><Dt>…` or `<BookgDt><DtTm>…`: the date part as written (the bank's own day). Undefined
 * when the element is absent; a problem when it holds no real calendar date (`2026-02-30`).
 */
function dateOf(
  node: MarkupNode | undefined,
  element: string,
  ...names: string[]
): Result<string> | undefined {
  const text =
    names.length > 0
      ? names.map((n) => textAt(node, n)).find(Boolean)
      : (textAt(node, 'Dt') ?? textAt(node, 'DtTm'));
  if (text === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  const iso = m ? isoFromParts(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
  return iso
    ? ok(iso)
    : fail(
        problem('invalid_date', `<${element}> "${text}" is not a real date`, {
          element,
          line: (node ?? { line: undefined }).line,
        }),
      );
}

/** Status is `<Sts>BOOK</Sts>` up to v7 and `<Sts><Cd>BOOK</Cd></Sts>` from v8. */
const statusOf = (entry: MarkupNode) => textAt(entry, 'Sts', 'Cd') ?? textAt(entry, 'Sts');

function kindOf(entry: MarkupNode, minor: number): TransactionKind {
  const family = textAt(entry, 'BkTxCd', 'Domn', 'Fmly', 'Cd');
  const sub = textAt(entry, 'BkTxCd', 'Domn', 'Fmly', 'SubFmlyCd');
  if (family === 'CHRG' || sub === 'CHRG' || sub === 'FEES') return 'fee';
  if (textAt(entry, 'RvslInd') === 'true') return 'adjustment';
  return minor >= 0 ? 'deposit' : 'withdrawal';
}

/** Who the money came from (credit) or went to (debit), then the remittance text. */
function describe(
  entry: MarkupNode,
  credit: boolean,
): { description: string; payee?: string; memo?: string } {
  // A batch booking (several TxDtls under one entry) names every party and reference in it.
  const details = descendants(entry, 'TxDtls');
  const parts = details.length > 0 ? details : [entry];
  const unique = (values: Array<string | undefined>) => [
    ...new Set(values.map((v) => v?.trim()).filter((v): v is string => Boolean(v))),
  ];
  const counterparty =
    unique(
      parts.map((tx) => {
        const parties = at(tx, 'RltdPties');
        return credit
          ? (textAt(parties, 'Dbtr', 'Nm') ??
              textAt(parties, 'Dbtr', 'Pty', 'Nm') ??
              textAt(parties, 'Cdtr', 'Nm'))
          : (textAt(parties, 'Cdtr', 'Nm') ??
              textAt(parties, 'Cdtr', 'Pty', 'Nm') ??
              textAt(parties, 'Dbtr', 'Nm'));
      }),
    ).join(', ') || undefined;
  // Free text, referred documents (the invoice number), the creditor's structured reference (RF…,
  // QR reference) and additional remittance text: where invoice numbers are looked for later.
  const remittance = unique(
    parts.flatMap((tx) => [
      ...descendants(tx, 'Ustrd').map((n) => n.text),
      ...descendants(tx, 'RfrdDocInf').map((n) => textAt(n, 'Nb')),
      ...descendants(tx, 'CdtrRefInf').map((n) => textAt(n, 'Ref')),
      ...descendants(tx, 'AddtlRmtInf').map((n) => n.text),
    ]),
  );
  const info = textAt(entry, 'AddtlNtryInf');
  const memo = remittance.join(' ') || undefined;
  const description = [counterparty, memo ?? info].filter(Boolean).join(' — ') || info || '';
  return { description, ...(counterparty ? { payee: counterparty } : {}), ...(memo ? { memo } : {}) };
}

/** The three bank-to-customer cash messages: their root, report element and name. */
const MESSAGES = [
  { root: 'BkToCstmrStmt', report: 'Stmt', name: 'CAMT.053', what: 'statement' },
  { root: 'BkToCstmrAcctRpt', report: 'Rpt', name: 'CAMT.052', what: 'account report' },
  { root: 'BkToCstmrDbtCdtNtfctn', report: 'Ntfctn', name: 'CAMT.054', what: 'debit/credit notification' },
] as const;

/** Versions published by ISO 20022 for camt.052, .053 and .054 (001.01 to 001.13). */
const MAX_VERSION = 13;

/**
 * ISO 20022 bank-to-customer cash messages, every published version (001.01 to 001.13), with or
 * without namespace prefixes: CAMT.053 statements (`Stmt`), CAMT.052 intraday account reports
 * (`Rpt`, whose pending entries `Sts` PDNG become pending lines) and CAMT.054 debit/credit
 * notifications (`Ntfctn`). Each report is one account (the IBAN, else `Othr/Id`) with balances
 * (`Bal`) and entries (`Ntry`, signed by `CdtDbtInd`, dated by booking date, else value date);
 * the remittance information (`Ustrd`, `Strd/CdtrRefInf/Ref`, `Strd/RfrdDocInf/Nb`) is kept in
 * the description and memo, where invoice numbers are looked for.
 */
export function importCamt053(text: string, ctx: ImportContext): Result<ParsedFile> {
  const where = { file: ctx.file };
  const tree = parseXml(text);
  if (!tree.ok) return fail(...tree.problems.map((p) => ({ ...p, ...where })));
  const document = tree.value.root.children.find((n) => n.name === 'Document');
  const cut = cutDownload(tree.value, where);
  // An entry or balance the text stops inside is left out: the whole file adds it once later.
  const unfinished = new Set(tree.value.open);
  // Version 1 names the root with its version: `BkToCstmrAcctRptV01`.
  const rootOf = (name: string) =>
    document?.children.find((c) => c.name === name || new RegExp(`^${name}V\\d+$`).test(c.name));
  const message = MESSAGES.find((m) => rootOf(m.root));
  const root = message && rootOf(message.root);
  if (!document || !message || !root) {
    if (cut) return fail(cut);
    return fail(
      problem(
        'not_camt053',
        'no <Document> with <BkToCstmrStmt>, <BkToCstmrAcctRpt> or <BkToCstmrDbtCdtNtfctn>: this is not a CAMT.053, .052 or .054 bank file',
        { ...where, line: document?.line ?? 1 },
      ),
    );
  }
  // The default namespace or a prefixed one (`xmlns:c="…camt.053.001.08"`) names the version.
  const namespaces = Object.entries(document.attrs).filter(([k]) => k === 'xmlns' || k.startsWith('xmlns:'));
  const version = namespaces.map(([, v]) => /camt\.05[234]\.001\.(\d+)/.exec(v)?.[1]).find(Boolean);
  if (version && (Number(version) < 1 || Number(version) > MAX_VERSION)) {
    return fail(
      problem(
        'unsupported_version',
        `${message.name} version ${Number(version)} is not supported (1 to ${MAX_VERSION} are)`,
        { ...where, element: 'Document', line: document.line },
      ),
    );
  }
  const reports = children(root, message.report);
  if (reports.length === 0) {
    return fail(
      problem(
        'no_statement',
        `<${message.root}> holds no <${message.report}>: the file has a group header but no ${message.what} to import`,
        { ...where, element: message.root, line: root.line },
      ),
    );
  }

  const out: ParsedFile = {
    drafts: [],
    balances: [],
    accounts: [],
    warnings: [],
    report: { variant: version ? `${message.name} version ${Number(version)}` : message.name },
  };
  const skipped: Problem[] = [];
  let row = 0;
  for (const report of reports) {
    const acct = child(report, 'Acct');
    // The IBAN, else another account number (`Othr/Id`, version 1's `PrtryAcct/Id`).
    const iban =
      textAt(acct, 'Id', 'IBAN') ?? textAt(acct, 'Id', 'Othr', 'Id') ?? textAt(acct, 'Id', 'PrtryAcct', 'Id');
    const account =
      reports.length === 1 && ctx.options.account ? ctx.options.account : maskedAccount('Account', iban);
    const institution =
      ctx.options.institution ??
      institutionSlug(
        textAt(acct, 'Svcr', 'FinInstnId', 'Nm') ??
          textAt(acct, 'Svcr', 'FinInstnId', 'NmAndAdr', 'Nm') ??
          textAt(acct, 'Svcr', 'FinInstnId', 'BIC') ??
          textAt(acct, 'Svcr', 'FinInstnId', 'BICFI'),
      );
    const entries = children(report, 'Ntry').filter((n) => !unfinished.has(n));
    const created =
      dateOf(report, 'CreDtTm', 'CreDtTm') ?? dateOf(child(root, 'GrpHdr'), 'CreDtTm', 'CreDtTm');
    const firstAmt = child(entries[0], 'Amt')?.attrs.Ccy;
    const currency = (textAt(acct, 'Ccy') ?? firstAmt ?? ctx.options.currency ?? 'EUR').toUpperCase();
    if (!isCurrencyCode(currency)) {
      return fail(
        problem('invalid_currency', `the account's currency "${currency}" is not an ISO 4217 code`, {
          ...where,
          element: 'Acct',
          line: (acct ?? report).line,
        }),
      );
    }
    if (!out.accounts.some((a) => a.institution === institution && a.account === account)) {
      out.accounts.push({ schemaVersion: 1, institution, account, currency, type: 'checking' });
    }

    for (const bal of children(report, 'Bal').filter((b) => !unfinished.has(b))) {
      // `Tp/CdOrPrtry/Cd` from version 2, `Tp/Cd` in version 1.
      const code =
        textAt(bal, 'Tp', 'CdOrPrtry', 'Cd') ??
        textAt(bal, 'Tp', 'CdOrPrtry', 'Prtry') ??
        textAt(bal, 'Tp', 'Cd');
      const kind = BALANCE_KINDS[code ?? ''];
      if (!kind) continue;
      const amount = signedAmount(bal, 'Bal');
      const date = dateOf(child(bal, 'Dt'), 'Dt');
      if (!amount.ok || !date?.ok) {
        const reasons = !amount.ok
          ? amount.problems
          : date
            ? (date as { problems: Problem[] }).problems
            : [problem('missing_date', '<Bal> has no <Dt>', { element: 'Bal', line: bal.line })];
        out.warnings.push(
          ...reasons.map((p) => ({ ...p, ...where, message: `${code} balance skipped: ${p.message}` })),
        );
        continue;
      }
      out.balances.push({
        institution,
        account,
        date: date.value,
        balance: { minor: amount.value.minor, currency: amount.value.currency },
        kind,
        source: `${message.name} Bal ${code}`,
      });
    }

    for (const entry of entries) {
      row++;
      const here = { ...where, element: 'Ntry', line: entry.line, row };
      const ref = textAt(entry, 'AcctSvcrRef') ?? textAt(entry, 'NtryRef');
      const label = ref ? `entry ${ref}` : `entry ${row}`;
      const status = statusOf(entry);
      if (status === 'INFO') {
        out.warnings.push(
          problem('info_entry', `${label} is informational (Sts INFO), not a booking; skipped`, here),
        );
        continue;
      }
      const amount = signedAmount(entry, 'Ntry');
      let date = dateOf(child(entry, 'BookgDt'), 'BookgDt') ?? dateOf(child(entry, 'ValDt'), 'ValDt');
      if (!date && created?.ok) {
        // Notifications may date an entry only by the message itself.
        date = created;
        out.warnings.push(
          problem(
            'date_from_message',
            `${label} has neither <BookgDt> nor <ValDt>; dated ${created.value}, when the bank created the ${message.what}`,
            here,
          ),
        );
      }
      if (!amount.ok || !date?.ok) {
        const reasons = !amount.ok
          ? amount.problems
          : date
            ? (date as { problems: Problem[] }).problems
            : [problem('missing_date', 'neither <BookgDt> nor <ValDt> holds a date', {})];
        skipped.push(...reasons.map((p) => ({ ...p, ...here, message: `${label} skipped: ${p.message}` })));
        continue;
      }
      if (amount.value.rounded) {
        out.warnings.push(
          problem(
            'amount_rounded',
            `${label}: amount rounded to whole ${amount.value.currency} minor units`,
            here,
          ),
        );
      }
      const { description, payee, memo } = describe(entry, amount.value.minor >= 0);
      const draft: TransactionDraft = {
        institution,
        account,
        date: date.value,
        description,
        amount: { minor: amount.value.minor, currency: amount.value.currency },
        status: status === 'PDNG' ? 'pending' : 'posted',
        kind: kindOf(entry, amount.value.minor),
        origin: { file: ctx.file, row, element: 'Ntry', capturedAt: ctx.capturedAt },
        ...(ref ? { externalId: ref } : {}),
        ...(payee ? { payee } : {}),
        ...(memo && memo !== description ? { memo } : {}),
      };
      out.drafts.push(draft);
    }
  }
  if (cut && out.drafts.length === 0) return fail(cut, ...skipped);
  if (cut) out.warnings.push(cut);
  if (out.drafts.length === 0 && skipped.length > 0) {
    return fail(
      problem('no_readable_transactions', `none of the ${row} entries in the file could be read`, where),
      ...skipped,
    );
  }
  out.warnings.push(...skipped);
  if (row === 0) {
    out.warnings.push(
      problem('no_transactions', `the ${message.what}s in this file list no entries (Ntry)`, {
        ...where,
        element: message.report,
      }),
    );
  }
  return ok(out);
}
