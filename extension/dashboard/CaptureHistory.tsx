import { useEffect, useState } from 'preact/hooks';
import type { CaptureRecord } from '../db/schema';
import type { Reply } from '../messages/reply';
import type { Responses } from '../messages/responses';
import { ShowLink } from './ShowLink';

type Props = {
  load: () => Promise<Reply<Responses['captures']>>;
  version: unknown;
  /** Shows the lines unverified captures wrote, in the transactions list. */
  onShowUnverified: () => void;
  /** Shows the lines one capture wrote (its new and changed ones). */
  onShowCapture: (captureId: string) => void;
};

const STATE_WORDS: Record<CaptureRecord['state'], string> = {
  preview: 'Not saved yet',
  saved: 'Saved',
  discarded: 'Discarded',
};

/** Every capture and import kept: when, where, how many, and whether the page's own figures agreed. */
export function CaptureHistory({ load, version, onShowUnverified, onShowCapture }: Props) {
  const [captures, setCaptures] = useState<Responses['captures']>([]);
  useEffect(() => {
    load().then((r) => {
      if (r.ok) setCaptures(r.value);
    });
  }, [version]);
  if (captures.length === 0) return null;
  const unverified = captures.filter((c) => c.verification === 'unverified' && c.state === 'saved').length;
  return (
    <section aria-labelledby="history-heading" id="history">
      <h2 id="history-heading">Recent captures and imports</h2>
      {unverified > 0 && (
        <p class="check-failed" role="status">
          {unverified} saved {unverified === 1 ? 'capture' : 'captures'} did not check out against the page
          (marked below).{' '}
          <ShowLink target="transactions-heading" onShow={onShowUnverified}>
            Show the lines they wrote
          </ShowLink>
        </p>
      )}
      <div class="wide">
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">From</th>
              <th scope="col">State</th>
              <th scope="col">Checked against the page</th>
              <th scope="col" class="num">
                Found
              </th>
              <th scope="col" class="num">
                New
              </th>
              <th scope="col" class="num">
                Changed
              </th>
            </tr>
          </thead>
          <tbody>
            {captures.map((c) => (
              <tr key={c.id} class={c.verification === 'unverified' ? 'unverified' : undefined}>
                <td class="date">{new Date(c.capturedAt).toLocaleString()}</td>
                <td>{c.host || c.source}</td>
                <td>{STATE_WORDS[c.state]}</td>
                <td>
                  {c.verification === 'unverified' ? (
                    <strong class="bad">
                      Unverified:{' '}
                      {c.checks
                        .filter((k) => !k.ok)
                        .map((k) => k.message)
                        .join('; ') || 'a check failed'}
                    </strong>
                  ) : c.verification === 'checked' ? (
                    'Yes, the figures agree'
                  ) : (
                    <span class="hint">Nothing on the page to check against</span>
                  )}
                </td>
                <td class="num">{c.counts.found}</td>
                {[c.counts.added, c.counts.changed].map((n, i) => (
                  <td class="num" key={i === 0 ? 'new' : 'changed'}>
                    {n > 0 && c.state === 'saved' ? (
                      <ShowLink target="transactions-heading" onShow={() => onShowCapture(c.id)}>
                        {n}
                      </ShowLink>
                    ) : (
                      n
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
