import { useEffect, useState } from 'preact/hooks';
import type { DiscrepancyType, MatchState, MatchType } from '../../core/model/match';
import type { Problem } from '../../core/model/problem';
import { formatAmountForDisplay } from '../../core/money/formatAmount';
import { formatWireAmount } from '../components/formatMoney';
import { ProblemList } from '../components/ProblemList';
import type { Reply } from '../messages/reply';
import type { MatchesResult } from '../messages/responses';
import { ShowLink } from './ShowLink';

type Props = {
  load: () => Promise<Reply<MatchesResult>>;
  decide: (matchId: string, state: 'confirmed' | 'rejected') => Promise<Reply<unknown>>;
  /** Changes when stored transactions change, to reconcile again. */
  version: unknown;
  /** Shows lines in the transactions list: the unmatched ones, or those of one item. */
  show: (what: { unmatched: true } | { ids: string[] }) => void;
};

const MATCH_WORDS: Record<MatchType, string> = {
  'payout-rollup': 'A payout and the sales it paid out',
  'payout-deposit': 'A payout and its bank deposit',
  'many-to-one': 'Several payouts in one bank deposit',
  'one-to-many': 'One payout in several bank deposits',
  transfer: 'A transfer between your own accounts',
  duplicate: 'The same transaction seen twice',
  'refund-debit': 'The processor took money from the bank',
};

const STATE_WORDS: Record<MatchState, string> = {
  suggested: 'to review',
  confirmed: 'confirmed',
  rejected: 'rejected',
};

const DISCREPANCY_WORDS: Record<DiscrepancyType, string> = {
  'in-transit': 'Payout still on its way to the bank',
  'missing-deposit': 'Payout that never reached the bank',
  'deposit-without-source': 'Deposit that no payout explains',
  'amount-difference': 'Payout and deposit amounts differ',
  'rollup-gap': 'Sales and fees do not add up to the payout',
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Payouts ↔ deposits, transfers and duplicates the matcher found, to confirm or reject. */
export function MatchesReview({ load, decide, version, show }: Props) {
  const [result, setResult] = useState<MatchesResult>();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [openDiscrepancies, setOpenDiscrepancies] = useState(false);
  const refresh = () =>
    load().then((r) => {
      if (r.ok) setResult(r.value);
      else setProblems(r.problems);
    });
  useEffect(() => {
    refresh();
  }, [version]);

  const toReview = result?.matches.filter((m) => m.match.state === 'suggested').length ?? 0;
  return (
    <section aria-labelledby="matches-heading">
      <h2 id="matches-heading">Matches to review</h2>
      <ProblemList problems={problems} />
      {result && (
        <p class="counts-line">
          <a href="#matches-list">{plural(toReview, 'match to review', 'matches to review')}</a>
          {' · '}
          <ShowLink target="transactions-heading" onShow={() => show({ unmatched: true })}>
            {plural(result.unmatched, 'unmatched transaction', 'unmatched transactions')}
          </ShowLink>
          {' · '}
          <ShowLink target="discrepancies" onShow={() => setOpenDiscrepancies(true)}>
            {plural(result.discrepancies, 'discrepancy', 'discrepancies')}
          </ShowLink>
        </p>
      )}
      {result && result.discrepancyList.length > 0 && (
        <details
          id="discrepancies"
          open={openDiscrepancies}
          onToggle={(e) => setOpenDiscrepancies(e.currentTarget.open)}
        >
          <summary>{plural(result.discrepancies, 'discrepancy', 'discrepancies')}, explained</summary>
          <ul class="discrepancies">
            {result.discrepancyList.map(({ discrepancy: d, transactions }) => (
              <li key={d.id} data-discrepancy={d.id}>
                <p>
                  <strong>{DISCREPANCY_WORDS[d.type]}</strong>:{' '}
                  {formatAmountForDisplay(d.amount.minor, d.amount.currency)} on {d.date}. {d.reason}
                </p>
                {transactions.length > 0 && (
                  <ul>
                    {transactions.map((t) => (
                      <li key={t.id}>
                        {t.date} {t.description} {formatWireAmount(t.amount, t.currency)}
                      </li>
                    ))}
                  </ul>
                )}
                <ShowLink target="transactions-heading" onShow={() => show({ ids: d.transactionIds })}>
                  Show {plural(d.transactionIds.length, 'this line', 'these lines')} in the list
                </ShowLink>
              </li>
            ))}
          </ul>
        </details>
      )}
      <ul class="matches" id="matches-list">
        {result?.matches.map(({ match, members }) => (
          <li key={match.id} data-match={match.id}>
            <p>
              <strong>{MATCH_WORDS[match.type]}</strong> — {match.reason} ({STATE_WORDS[match.state]}
              {match.ambiguous ? '; other lines fitted as well' : ''})
            </p>
            <ul>
              {members.map((m) => (
                <li key={m.transaction.id}>
                  {m.role}: {m.transaction.date} {m.transaction.description}{' '}
                  {formatWireAmount(m.transaction.amount, m.transaction.currency)}
                </li>
              ))}
            </ul>
            {match.state === 'suggested' && (
              <div class="actions">
                {(['confirmed', 'rejected'] as const).map((state) => (
                  <button
                    type="button"
                    key={state}
                    onClick={async () => {
                      const r = await decide(match.id, state);
                      if (!r.ok) setProblems(r.problems);
                      await refresh();
                    }}
                  >
                    {state === 'confirmed' ? 'Confirm' : 'Reject'}
                    <span class="visually-hidden"> {MATCH_WORDS[match.type]}</span>
                  </button>
                ))}
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
