import { useEffect, useState } from 'preact/hooks';
import type { Problem } from '../../core/model/problem';
import { formatWireAmount } from '../components/formatMoney';
import { ProblemList } from '../components/ProblemList';
import type { Reply } from '../messages/reply';
import type { MatchesResult } from '../messages/responses';

type Props = {
  load: () => Promise<Reply<MatchesResult>>;
  decide: (matchId: string, state: 'confirmed' | 'rejected') => Promise<Reply<unknown>>;
  /** Changes when stored transactions change, to reconcile again. */
  version: unknown;
};

/** Payouts ↔ deposits, transfers and duplicates the matcher found, to confirm or reject. */
export function MatchesReview({ load, decide, version }: Props) {
  const [result, setResult] = useState<MatchesResult>();
  const [problems, setProblems] = useState<Problem[]>([]);
  const refresh = () =>
    load().then((r) => {
      if (r.ok) setResult(r.value);
      else setProblems(r.problems);
    });
  useEffect(() => {
    refresh();
  }, [version]);

  return (
    <section aria-labelledby="matches-heading">
      <h2 id="matches-heading">Matches to review</h2>
      <ProblemList problems={problems} />
      {result && (
        <p>
          {result.matches.filter((m) => m.match.state === 'suggested').length} to review, {result.unmatched}{' '}
          unmatched transactions, {result.discrepancies} discrepancies.
        </p>
      )}
      <ul class="matches">
        {result?.matches.map(({ match, members }) => (
          <li key={match.id} data-match={match.id}>
            <p>
              <strong>{match.type}</strong> — {match.reason} ({match.state}
              {match.ambiguous ? ', ambiguous' : ''})
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
                    <span class="visually-hidden"> {match.type} match</span>
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
