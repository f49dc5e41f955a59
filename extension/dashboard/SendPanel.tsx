import { useState } from 'preact/hooks';
import { describeProblem, type Problem } from '../../core/model/problem';
import { ProblemList } from '../components/ProblemList';
import type { SendReport } from '../messages/responses';

type Props = { send: () => Promise<{ ok: true; value: SendReport } | { ok: false; problems: Problem[] }> };

/** Sends new and changed lines to the spreadsheet and says, per batch, what landed and what failed. */
export function SendPanel({ send }: Props) {
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<SendReport>();
  const [problems, setProblems] = useState<Problem[]>([]);
  return (
    <section aria-labelledby="send-heading">
      <h2 id="send-heading">Send to the spreadsheet</h2>
      <button
        type="button"
        class="primary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setProblems([]);
          const r = await send();
          setBusy(false);
          if (r.ok) setReport(r.value);
          else setProblems(r.problems);
        }}
      >
        {busy ? 'Sending…' : 'Send new and changed'}
      </button>
      <ProblemList problems={problems} />
      {report && (
        <div role="status" data-testid="send-report">
          {report.message && <p>{report.message}</p>}
          <ul>
            {report.batches.map((b) => (
              <li key={b.batchId}>
                {b.state === 'sent'
                  ? `Batch ${b.batchId}: ${b.count} sent — ${b.added ?? 0} added, ${b.updated ?? 0} updated, ${b.skipped ?? 0} skipped`
                  : `Batch ${b.batchId}: ${b.count} not sent after ${b.attempts} attempts — ${b.error ?? 'failed'}. Send again to retry it.`}
                {b.errors.length > 0 && (
                  <ul>
                    {b.errors.map((e) => (
                      <li key={describeProblem(e)}>{describeProblem(e)}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
