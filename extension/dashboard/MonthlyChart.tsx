import { formatAmountForDisplay } from '../../core/money/formatAmount';
import type { MonthSummary } from '../messages/responses';

const BAR = 14;
const GAP = 10;
const LABEL = 64;

/** Inflow and outflow per month as bars, with the same figures as a table for screen readers. */
export function MonthlyChart({ months }: { months: MonthSummary[] }) {
  if (months.length === 0) return null;
  const max = Math.max(1, ...months.flatMap((m) => [m.inflowMinor, -m.outflowMinor]));
  const width = 240;
  const height = months.length * (2 * BAR + GAP);
  return (
    <section aria-labelledby="chart-heading">
      <h2 id="chart-heading">Inflow and outflow by month</h2>
      <svg viewBox={`0 0 ${LABEL + width} ${height}`} class="chart" aria-hidden="true" role="presentation">
        {months.map((m, i) => {
          const y = i * (2 * BAR + GAP);
          return (
            <g key={`${m.month}${m.currency}`}>
              <text x={0} y={y + BAR + 4} font-size="11">
                {m.month}
              </text>
              <rect x={LABEL} y={y} height={BAR - 2} width={(m.inflowMinor / max) * width} fill="#26a269" />
              <rect
                x={LABEL}
                y={y + BAR}
                height={BAR - 2}
                width={(-m.outflowMinor / max) * width}
                fill="#c01c28"
              />
            </g>
          );
        })}
      </svg>
      {/* Tables do not shrink below their content, so the hiding box is a div around it. */}
      <div class="visually-hidden">
        <table>
          <caption>Inflow and outflow by month</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Inflow</th>
              <th scope="col">Outflow</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={`${m.month}${m.currency}`}>
                <td>{m.month}</td>
                <td>{formatAmountForDisplay(m.inflowMinor, m.currency)}</td>
                <td>{formatAmountForDisplay(m.outflowMinor, m.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
