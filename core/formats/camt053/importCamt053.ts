import type { StatementBalance } from '../../model/account';
import { type Problem, problem } from '../../model/problem';
import { fail, ok, type Result } from '../../model/result';
import type { TransactionDraft, TransactionKind } from '../../model/transaction';
import { institutionSlug, maskedAccount } from '../accountLabel';
import type { ImportContext, ParsedFile } from '../importTypes';
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

/** `<BookgDt><Dt>…` or `<BookgDt><DtTm>…`; the date part as written. */
function dateOf(node: MarkupNode | undefined): string | undefined {
  const text = textAt(node, 'Dt') ?? textAt(node, 'DtTm');
  return text && /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : undefined;
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
  const tx = descendants(entry, 'TxDtls')[0];
  const parties = at(tx, 'RltdPties');
  const counterparty = credit
    ? (textAt(parties, 'Dbtr', 'Nm') ?? textAt(parties, 'Dbtr', 'Pty', 'Nm') ?? textAt(parties, 'Cdtr', 'Nm'))
    : (textAt(parties, 'Cdtr', 'Nm') ??
      textAt(parties, 'Cdtr', 'Pty', 'Nm') ??
      textAt(parties, 'Dbtr', 'Nm'));
  const remittance = [
    ...descendants(entry, 'Ustrd').map((n) => n.text.trim()),
    ...descendants(entry, 'CdtrRefInf').map((n) => textAt(n, 'Ref') ?? ''),
  ].filter(Boolean);
  const info = textAt(entry, 'AddtlNtryInf');
  const memo = remittance.join(' ') || undefined;
  const description = [counterparty, memo ?? info].filter(Boolean).join(' — ') || info || '';
  return { description, ...(counterparty ? { payee: counterparty } : {}), ...(memo ? { memo } : {}) };
}

/**
 * ISO 20022 CAMT.053 (bank-to-customer statement), versions 2 to 8: one or more `Stmt`, each an
 * account with balances (`Bal`) and entries (`Ntry`, signed by `CdtDbtInd`, dated by booking date).
 */
export function importCamt053(text: string, ctx: ImportContext): Result<ParsedFile> {
  const where = { file: ctx.file };
  const tree = parseXml(text);
  if (!tree.ok) return fail(...tree.problems.map((p) => ({ ...p, ...where })));
  const document = tree.value.children.find((n) => n.name === 'Document');
  // The default namespace or a prefixed one (`xmlns:c="…camt.053.001.08"`) names the version.
  const namespaces = Object.entries(document?.attrs ?? {}).filter(
    ([k]) => k === 'xmlns' || k.startsWith('xmlns:'),
  );
  const version = namespaces.map(([, v]) => /camt\.053\.001\.(\d+)/.exec(v)?.[1]).find(Boolean);
  const root = child(document, 'BkToCstmrStmt');
  if (!document || !root) {
    return fail(
      problem('not_camt053', 'no <Document><BkToCstmrStmt>: this is not a CAMT.053 bank statement', {
        ...where,
        line: document?.line ?? 1,
      }),
    );
  }
  if (version && (Number(version) < 2 || Number(version) > 8)) {
    return fail(
      problem('unsupported_version', `CAMT.053 version ${Number(version)} is not supported (2 to 8 are)`, {
        ...where,
        element: 'Document',
        line: document.line,
      }),
    );
  }
  const stmts = children(root, 'Stmt');
  if (stmts.length === 0) {
    return fail(
      problem(
        'no_statement',
        '<BkToCstmrStmt> holds no <Stmt>: the file has a group header but no statement to import',
        {
          ...where,
          element: 'BkToCstmrStmt',
          line: root.line,
        },
      ),
    );
  }

  const out: ParsedFile = { drafts: [], balances: [], accounts: [], warnings: [] };
  const skipped: Problem[] = [];
  let row = 0;
  for (const stmt of stmts) {
    const acct = child(stmt, 'Acct');
    const iban = textAt(acct, 'Id', 'IBAN') ?? textAt(acct, 'Id', 'Othr', 'Id');
    const account =
      stmts.length === 1 && ctx.options.account ? ctx.options.account : maskedAccount('Account', iban);
    const institution =
      ctx.options.institution ??
      institutionSlug(
        textAt(acct, 'Svcr', 'FinInstnId', 'Nm') ??
          textAt(acct, 'Svcr', 'FinInstnId', 'BIC') ??
          textAt(acct, 'Svcr', 'FinInstnId', 'BICFI'),
      );
    const entries = children(stmt, 'Ntry');
    const firstAmt = child(entries[0], 'Amt')?.attrs.Ccy;
    const currency = (textAt(acct, 'Ccy') ?? firstAmt ?? ctx.options.currency ?? 'EUR').toUpperCase();
    if (!out.accounts.some((a) => a.institution === institution && a.account === account)) {
      out.accounts.push({ schemaVersion: 1, institution, account, currency, type: 'checking' });
    }

    for (const bal of children(stmt, 'Bal')) {
      const code = textAt(bal, 'Tp', 'CdOrPrtry', 'Cd') ?? textAt(bal, 'Tp', 'CdOrPrtry', 'Prtry');
      const kind = BALANCE_KINDS[code ?? ''];
      if (!kind) continue;
      const amount = signedAmount(bal, 'Bal');
      const date = dateOf(child(bal, 'Dt'));
      if (!amount.ok || !date) {
        const reasons = amount.ok
          ? [problem('missing_date', '<Bal> has no <Dt>', { element: 'Bal', line: bal.line })]
          : amount.problems;
        out.warnings.push(
          ...reasons.map((p) => ({ ...p, ...where, message: `${code} balance skipped: ${p.message}` })),
        );
        continue;
      }
      out.balances.push({
        institution,
        account,
        date,
        balance: { minor: amount.value.minor, currency: amount.value.currency },
        kind,
        source: `CAMT.053 Bal ${code}`,
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
      const date = dateOf(child(entry, 'BookgDt')) ?? dateOf(child(entry, 'ValDt'));
      if (!amount.ok || !date) {
        const reasons = amount.ok
          ? [problem('missing_date', 'neither <BookgDt> nor <ValDt> holds a date', {})]
          : amount.problems;
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
        date,
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
  if (out.drafts.length === 0 && skipped.length > 0) {
    return fail(
      problem('no_readable_transactions', `none of the ${row} entries in the file could be read`, where),
      ...skipped,
    );
  }
  out.warnings.push(...skipped);
  if (row === 0) {
    out.warnings.push(
      problem('no_transactions', 'the statements in this file list no entries (Ntry)', {
        ...where,
        element: 'Stmt',
      }),
    );
  }
  return ok(out);
}
