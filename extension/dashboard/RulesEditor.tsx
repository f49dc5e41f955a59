import { useEffect, useState } from 'preact/hooks';
import type { Problem } from '../../core/model/problem';
import { ProblemList } from '../components/ProblemList';
import type { Reply } from '../messages/reply';

/** The columns edited here; every other column of a rule (splits, amounts, JSON) is kept as it is. */
const EDITED = ['Name', 'Description Contains', 'Account', 'Category'] as const;
const ENABLED = 'Enabled';
const ID = 'Rule ID';
const RANK = 'Rank';

type Props = {
  load: () => Promise<Reply<{ rows: string[][] }>>;
  save: (rows: string[][]) => Promise<Reply<{ rules: number; changed: number }>>;
  newId: () => string;
  onSaved: () => void;
};

/**
 * The categorization rules as rows of the spreadsheet's Rules tab, with the common columns
 * editable here; the full set of columns is edited in the spreadsheet.
 */
export function RulesEditor({ load, save, newId, onSaved }: Props) {
  const [header, setHeader] = useState<string[]>([]);
  const [rows, setRows] = useState<string[][]>([]);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [status, setStatus] = useState('');

  useEffect(() => {
    load().then((r) => {
      if (!r.ok) return setProblems(r.problems);
      setHeader(r.value.rows[0] ?? []);
      setRows(r.value.rows.slice(1));
    });
  }, []);

  const col = (name: string) => header.indexOf(name);
  const setCell = (row: number, name: string, value: string) =>
    setRows(rows.map((r, i) => (i === row ? r.map((c, j) => (j === col(name) ? value : c)) : r)));

  return (
    <section aria-labelledby="rules-heading">
      <h2 id="rules-heading">Rules</h2>
      <p class="hint">
        Rules run in this order on every capture and import. Splits, amounts and dates are edited in the
        spreadsheet's Rules tab.
      </p>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setProblems([]);
          const r = await save([header, ...rows]);
          if (!r.ok) return setProblems(r.problems);
          setStatus(`Saved ${r.value.rules} rules; ${r.value.changed} transactions re-categorized.`);
          onSaved();
        }}
      >
        <div class="wide">
          <table>
            <thead>
              <tr>
                {EDITED.map((h) => (
                  <th scope="col" key={h}>
                    {h}
                  </th>
                ))}
                <th scope="col">{ENABLED}</th>
                <th scope="col">
                  <span class="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => {
                const id = row[col(ID)] ?? String(i);
                const name = row[col('Name')] || id;
                return (
                  <tr key={id}>
                    {EDITED.map((h) => (
                      <td key={h}>
                        <input
                          aria-label={`${h} of rule ${name}`}
                          value={row[col(h)] ?? ''}
                          onInput={(e) => setCell(i, h, e.currentTarget.value)}
                        />
                      </td>
                    ))}
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Rule ${name} enabled`}
                        checked={(row[col(ENABLED)] ?? 'TRUE') !== 'FALSE'}
                        onChange={(e) => setCell(i, ENABLED, e.currentTarget.checked ? 'TRUE' : 'FALSE')}
                      />
                    </td>
                    <td>
                      <button type="button" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                        Remove <span class="visually-hidden">rule {name}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <div class="actions">
          <button
            type="button"
            onClick={() => {
              // A new rule runs after the others, so where it matches it has the last word.
              const ranks = rows.map((r) => Number(r[col(RANK)])).filter((n) => Number.isFinite(n));
              const rank = String(ranks.length > 0 ? Math.max(...ranks) + 10 : 0);
              const cell = (h: string) =>
                h === ID ? `rule-${newId()}` : h === ENABLED ? 'TRUE' : h === RANK ? rank : '';
              setRows([...rows, header.map(cell)]);
            }}
          >
            Add rule
          </button>
          <button type="submit" class="primary">
            Save rules
          </button>
        </div>
      </form>
      <ProblemList problems={problems} />
      <p role="status">{status}</p>
    </section>
  );
}
