import type { AccountType, StatementBalance } from '../../model/account';
import { isCurrencyCode } from '../../model/currency';
import { type Problem, problem } from '../../model/problem';
import { fail, ok, type Result } from '../../model/result';
import type { TransactionDraft } from '../../model/transaction';
import { institutionSlug, maskedAccount } from '../accountLabel';
import type { ImportContext, ParsedFile } from '../importTypes';
import { cutDownload } from '../markup/cutDownload';
import { child, descendants, type MarkupNode, textAt } from '../markup/markupNode';
import { ofxKind, trnTypeAgainstSign } from './ofxKind';
import { parseOfxAmount } from './parseOfxAmount';
import { parseOfxDate } from './parseOfxDate';
import { parseOfxTree } from './parseOfxTree';

type Statement = {
  node: MarkupNode;
  accountNode: MarkupNode | undefined;
  type: AccountType;
  label: string;
  /** Investment statements: only the cash lines (INVBANKTRAN) are read. */
  investment: boolean;
};

const ACCOUNT_TYPES: Record<string, [AccountType, string]> = {
  CHECKING: ['checking', 'Checking'],
  SAVINGS: ['savings', 'Savings'],
  MONEYMRKT: ['savings', 'Money market'],
  CD: ['savings', 'CD'],
  CREDITLINE: ['credit', 'Credit line'],
};

/** Investment transactions that are not cash lines; counted so the notice can say what was left out. */
const INVESTMENT_ONLY = [
  'INVPOSLIST',
  'SECLIST',
  'BUYSTOCK',
  'SELLSTOCK',
  'BUYMF',
  'SELLMF',
  'BUYOPT',
  'SELLOPT',
  'BUYDEBT',
  'SELLDEBT',
  'BUYOTHER',
  'SELLOTHER',
  'INCOME',
  'REINVEST',
  'TRANSFER',
  'SPLIT',
  'MARGININTEREST',
  'RETOFCAP',
  'INVEXPENSE',
  'CLOSUREOPT',
  'JRNLFUND',
  'JRNLSEC',
];

function statements(ofx: MarkupNode): Statement[] {
  const found: Statement[] = [];
  for (const node of descendants(ofx, 'STMTRS')) {
    const accountNode = descendants(node, 'BANKACCTFROM')[0];
    const [type, label] = ACCOUNT_TYPES[textAt(accountNode, 'ACCTTYPE')?.toUpperCase() ?? ''] ?? [
      'checking',
      'Account',
    ];
    found.push({ node, accountNode, type, label, investment: false });
  }
  for (const node of descendants(ofx, 'CCSTMTRS')) {
    found.push({
      node,
      accountNode: descendants(node, 'CCACCTFROM')[0],
      type: 'credit',
      label: 'Credit card',
      investment: false,
    });
  }
  for (const node of descendants(ofx, 'INVSTMTRS')) {
    found.push({
      node,
      accountNode: descendants(node, 'INVACCTFROM')[0],
      type: 'other',
      label: 'Investment cash',
      investment: true,
    });
  }
  return found.sort((a, b) => a.node.line - b.node.line);
}

/** First element of this name inside `node` — tolerant of SGML files that leave an empty tag open. */
const field = (node: MarkupNode | undefined, name: string): string | undefined =>
  node ? (textAt(node, name) ?? (descendants(node, name)[0]?.text.trim() || undefined)) : undefined;

/** A statement request the bank answered with an error (e.g. 2003, account not found) instead of data. */
function statementRefusals(ofx: MarkupNode, where: Partial<Problem>): Problem[] {
  const out: Problem[] = [];
  for (const name of ['STMTTRNRS', 'CCSTMTTRNRS', 'INVSTMTTRNRS']) {
    for (const trnrs of descendants(ofx, name)) {
      const status = child(trnrs, 'STATUS');
      const code = textAt(status, 'CODE');
      if (
        !status ||
        code === undefined ||
        code === '0' ||
        textAt(status, 'SEVERITY')?.toUpperCase() !== 'ERROR'
      )
        continue;
      const message = textAt(status, 'MESSAGE');
      out.push(
        problem(
          'statement_refused',
          `the bank sent no statement here (OFX status ${code})${message ? `: ${message}` : ''}`,
          {
            ...where,
            element: name,
            line: status.line,
          },
        ),
      );
    }
  }
  return out;
}

function signOnRefusal(ofx: MarkupNode, where: Partial<Problem>): Problem | undefined {
  const sonrs = descendants(ofx, 'SONRS')[0];
  const status = child(sonrs, 'STATUS');
  const code = textAt(status, 'CODE');
  if (!status || code === undefined || code === '0' || textAt(status, 'SEVERITY')?.toUpperCase() !== 'ERROR')
    return undefined;
  const message = textAt(status, 'MESSAGE');
  return problem(
    'signon_refused',
    `the bank refused the sign-on (OFX status ${code})${message ? `: ${message}` : ''}; this file holds no statement`,
    { ...where, element: 'SONRS', line: status.line },
  );
}

/**
 * OFX 1.x/2.x and QFX: bank (STMTRS), credit card (CCSTMTRS) and the cash lines of investment
 * statements, several accounts per file, LEDGERBAL/AVAILBAL as statement balances. A transaction
 * that cannot be read is skipped with a warning naming its FITID and line; a file of which
 * nothing can be read is refused with every reason.
 */
export function importOfx(text: string, ctx: ImportContext): Result<ParsedFile> {
  const where = { file: ctx.file };
  const tree = parseOfxTree(text);
  if (!tree.ok) return fail(...tree.problems.map((p) => ({ ...p, ...where })));
  const ofx = descendants(tree.value.root, 'OFX')[0];
  if (!ofx) return fail(problem('not_ofx', 'no <OFX> element: this is not an OFX file', where));
  const cut = cutDownload(tree.value, where);
  // A transaction or balance the text stops inside may be missing fields or digits: it is left
  // out, so importing the whole file later adds it once instead of a changed duplicate.
  const unfinished = new Set(tree.value.open);
  const refusal = signOnRefusal(ofx, where);
  if (refusal) return fail(refusal);
  const refusedStatements = statementRefusals(ofx, where);

  const out: ParsedFile = { drafts: [], balances: [], accounts: [], warnings: [] };
  const skipped: Problem[] = [];
  // Statements left out whole (no or no valid currency): when they are all there is, the file is refused.
  const unreadStatements: Problem[] = [];
  const found = statements(ofx);
  const institution = ctx.options.institution ?? institutionSlug(textAt(descendants(ofx, 'FI')[0], 'ORG'));
  let row = 0;
  let investmentOnly = 0;

  for (const stmt of found) {
    const accountId = field(stmt.accountNode, 'ACCTID');
    const account =
      found.length === 1 && ctx.options.account ? ctx.options.account : maskedAccount(stmt.label, accountId);
    const curdef = field(stmt.node, 'CURDEF')?.toUpperCase() ?? ctx.options.currency;
    const lines = stmt.investment
      ? descendants(stmt.node, 'INVBANKTRAN').flatMap((b) => descendants(b, 'STMTTRN'))
      : descendants(stmt.node, 'STMTTRN');
    const firstCurrency = curdef ?? field(lines[0], 'CURSYM');
    if (!firstCurrency) {
      unreadStatements.push(
        problem('missing_currency', `statement for ${account} names no currency (CURDEF); pass --currency`, {
          ...where,
          element: stmt.node.name,
          line: stmt.node.line,
        }),
      );
      continue;
    }
    if (!isCurrencyCode(firstCurrency)) {
      unreadStatements.push(
        problem(
          'invalid_currency',
          `statement for ${account} skipped: CURDEF "${firstCurrency}" is not an ISO 4217 currency`,
          { ...where, element: 'CURDEF', line: stmt.node.line },
        ),
      );
      continue;
    }
    out.accounts.push({ schemaVersion: 1, institution, account, currency: firstCurrency, type: stmt.type });
    if (stmt.investment) {
      for (const name of INVESTMENT_ONLY) investmentOnly += descendants(stmt.node, name).length;
    }

    for (const trn of lines) {
      if (unfinished.has(trn)) continue;
      row++;
      const fitid = field(trn, 'FITID');
      const label = fitid ? `transaction FITID ${fitid}` : `transaction ${row}`;
      const at = { ...where, element: 'STMTTRN', line: trn.line, row };
      const currency = field(trn, 'CURSYM')?.toUpperCase() ?? firstCurrency;
      const dateText = field(trn, 'DTPOSTED') ?? field(trn, 'DTUSER');
      const date = parseOfxDate(
        dateText,
        dateText === undefined ? 'DTPOSTED' : field(trn, 'DTPOSTED') ? 'DTPOSTED' : 'DTUSER',
      );
      const amount = isCurrencyCode(currency)
        ? parseOfxAmount(field(trn, 'TRNAMT'), currency, 'TRNAMT')
        : fail(
            problem('invalid_currency', `<CURSYM> "${currency}" is not an ISO 4217 currency`, {
              element: 'CURSYM',
            }),
          );
      if (!date.ok || !amount.ok) {
        const reasons = [...(date.ok ? [] : date.problems), ...(amount.ok ? [] : amount.problems)];
        for (const r of reasons) skipped.push({ ...r, ...at, message: `${label} skipped: ${r.message}` });
        continue;
      }
      if (amount.value.rounded) {
        out.warnings.push(
          problem(
            'amount_rounded',
            `${label}: TRNAMT ${field(trn, 'TRNAMT')} rounded to whole ${currency} minor units`,
            at,
          ),
        );
      }
      const trnType = field(trn, 'TRNTYPE')?.toUpperCase();
      const against = trnTypeAgainstSign(trnType, amount.value.minor);
      if (against) {
        out.warnings.push(
          problem(
            'sign_against_type',
            `${label}: TRNTYPE ${trnType} with TRNAMT ${field(trn, 'TRNAMT')} — the amount's sign is kept (it decides in OFX); check this line`,
            at,
          ),
        );
      }
      const name = field(trn, 'NAME');
      const memo = field(trn, 'MEMO');
      // Some banks put an account or reference number in NAME and the words in MEMO.
      const description = name && !/^[\d\s-]*$/.test(name) ? name : (memo ?? name ?? '');
      const checkNumber = field(trn, 'CHECKNUM');
      const balanceText = field(trn, 'ACCTBAL');
      const balance = balanceText ? parseOfxAmount(balanceText, currency, 'ACCTBAL') : undefined;
      const draft: TransactionDraft = {
        institution,
        account,
        date: date.value,
        description: description.replace(/\s+/g, ' ').trim(),
        amount: { minor: amount.value.minor, currency },
        status: 'posted',
        kind: against
          ? amount.value.minor > 0
            ? 'deposit'
            : 'withdrawal'
          : ofxKind(trnType, amount.value.minor, stmt.type === 'credit'),
        origin: { file: ctx.file, row, element: 'STMTTRN', capturedAt: ctx.capturedAt },
        ...(fitid ? { externalId: fitid } : {}),
        ...(checkNumber && !/^0+$/.test(checkNumber) ? { checkNumber } : {}),
        ...(memo && memo !== description ? { memo: memo.replace(/\s+/g, ' ').trim() } : {}),
        ...(balance?.ok ? { balance: { minor: balance.value.minor, currency } } : {}),
      };
      out.drafts.push(draft);
    }

    for (const [element, kind] of [
      ['LEDGERBAL', 'closing'],
      ['AVAILBAL', 'available'],
    ] as const) {
      const node = descendants(stmt.node, element)[0];
      if (!node || unfinished.has(node)) continue;
      const balance = readBalance(node, element, kind, {
        institution,
        account,
        currency: curdef ?? firstCurrency,
      });
      if (balance.ok) out.balances.push(balance.value);
      else out.warnings.push(...balance.problems.map((p) => ({ ...p, ...where })));
    }
  }

  if (out.drafts.length === 0 && unreadStatements.length > 0) return fail(...unreadStatements, ...skipped);
  out.warnings.push(...unreadStatements);
  if (cut && out.drafts.length === 0) return fail(cut, ...skipped);
  if (cut) out.warnings.push(cut);
  if (out.drafts.length === 0 && skipped.length > 0) {
    return fail(
      problem(
        'no_readable_transactions',
        row === 1
          ? 'the only transaction in the file could not be read'
          : `none of the ${row} transactions in the file could be read`,
        where,
      ),
      ...skipped,
    );
  }
  out.warnings.push(...skipped);
  if (investmentOnly > 0) {
    out.warnings.push(
      problem(
        'investment_skipped',
        `${investmentOnly} investment entries (positions, securities, trades) skipped; only cash lines are imported`,
        { ...where, element: 'INVSTMTRS' },
      ),
    );
  }
  if (found.length === 0 && refusedStatements.length > 0) return fail(...refusedStatements);
  out.warnings.push(...refusedStatements);
  if (found.length === 0) {
    out.warnings.push(
      problem('no_statements', 'the file holds no bank, credit card or investment statement', {
        ...where,
        element: 'OFX',
        line: ofx.line,
      }),
    );
  } else if (row === 0) {
    out.warnings.push(
      problem('no_transactions', 'the statements in this file list no transactions', {
        ...where,
        element: 'BANKTRANLIST',
      }),
    );
  }
  return ok(out);
}

function readBalance(
  node: MarkupNode,
  element: string,
  kind: StatementBalance['kind'],
  acct: { institution: string; account: string; currency: string },
): Result<StatementBalance> {
  const at = { element, line: node.line };
  const amount = parseOfxAmount(field(node, 'BALAMT'), acct.currency, 'BALAMT');
  const date = parseOfxDate(field(node, 'DTASOF'), 'DTASOF');
  if (!amount.ok || !date.ok) {
    const reasons = [...(amount.ok ? [] : amount.problems), ...(date.ok ? [] : date.problems)];
    return fail(
      ...reasons.map((r) => ({
        ...r,
        ...at,
        message: `${element} of ${acct.account} skipped: ${r.message}`,
      })),
    );
  }
  return ok({
    institution: acct.institution,
    account: acct.account,
    date: date.value,
    balance: { minor: amount.value.minor, currency: acct.currency },
    kind,
    source: `OFX ${element}`,
  });
}
