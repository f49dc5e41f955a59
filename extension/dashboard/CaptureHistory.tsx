import { useEffect, useState } from 'preact/hooks';
import type { Reply } from '../messages/reply';
import type { Responses } from '../messages/responses';

type Props = { load: () => Promise<Reply<Responses['captures']>>; version: unknown };

/** Every capture and import kept: when, where, how many. */
export function CaptureHistory({ load, version }: Props) {
  const [captures, setCaptures] = useState<Responses['captures']>([]);
  useEffect(() => {
    load().then((r) => {
      if (r.ok) setCaptures(r.value);
    });
  }, [version]);
  if (captures.length === 0) return null;
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">Recent captures and imports</h2>
      <div class="wide">
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">From</th>
              <th scope="col">State</th>
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
              <tr key={c.id}>
                <td class="date">{new Date(c.capturedAt).toLocaleString()}</td>
                <td>{c.host || c.source}</td>
                <td>{c.state}</td>
                <td class="num">{c.counts.found}</td>
                <td class="num">{c.counts.added}</td>
                <td class="num">{c.counts.changed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
