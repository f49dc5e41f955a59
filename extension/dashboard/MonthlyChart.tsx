import { formatAmountForDisplay } from '../../core/money/formatAmount';
import type { MonthSummary } from '../messages/responses';

const IN = '#26a269';
const OUT = '#c01c28';
const W = 560;
const H = 260;
const LEFT = 70;
const BOTTOM = 40;
const TOP = 28;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "2026-03" → "Mar 2026". */
export const monthWords = (month: string) =>
  `${MONTHS[Number(month.slice(5, 7)) - 1] ?? month} ${month.slice(0, 4)}`;

/** A round step for the value axis: 1, 2 or 5 × a power of ten, about four ticks up to `max`. */
function step(max: number): number {
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? rough;
}

/** Whole units without the currency ("12,000"; the axis title names it), from minor units. */
function axisLabel(minor: number, currency: string): string {
  return formatAmountForDisplay(minor, currency)
    .replace(/\.\d+(?= )/, '')
    .replace(` ${currency}`, '');
}

/** One currency's months as grouped bars: money in and money out, with a value axis, values and a legend. */
function CurrencyChart({ currency, months }: { currency: string; months: MonthSummary[] }) {
  const max = Math.max(1, ...months.flatMap((m) => [m.inflowMinor, -m.outflowMinor]));
  const tick = step(max);
  const top = Math.ceil(max / tick) * tick;
  const plotW = W - LEFT - 8;
  const plotH = H - TOP - BOTTOM;
  const y = (v: number) => TOP + plotH - (v / top) * plotH;
  const slot = plotW / months.length;
  const bar = Math.min(48, (slot - 16) / 2);
  const ticks = Array.from({ length: Math.round(top / tick) + 1 }, (_, i) => i * tick);
  return (
    <figure class="chart-figure">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        class="chart"
        role="img"
        aria-label={`Money in and out by month, in ${currency}`}
      >
        <g class="legend" font-size="12">
          <rect x={LEFT} y={6} width={12} height={12} fill={IN} />
          <text x={LEFT + 16} y={16}>
            Money in
          </text>
          <rect x={LEFT + 90} y={6} width={12} height={12} fill={OUT} />
          <text x={LEFT + 106} y={16}>
            Money out
          </text>
        </g>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={LEFT} x2={W - 8} y1={y(t)} y2={y(t)} stroke="currentColor" stroke-opacity="0.15" />
            <text x={LEFT - 6} y={y(t) + 4} font-size="11" text-anchor="end">
              {axisLabel(t, currency)}
            </text>
          </g>
        ))}
        <line x1={LEFT} x2={LEFT} y1={TOP} y2={TOP + plotH} stroke="currentColor" stroke-opacity="0.5" />
        {months.map((m, i) => {
          const x = LEFT + i * slot + (slot - 2 * bar - 4) / 2;
          const inH = (m.inflowMinor / top) * plotH;
          const outH = (-m.outflowMinor / top) * plotH;
          return (
            <g key={m.month}>
              <rect x={x} y={y(m.inflowMinor)} width={bar} height={inH} fill={IN} />
              <rect x={x + bar + 4} y={y(-m.outflowMinor)} width={bar} height={outH} fill={OUT} />
              <text x={x + bar / 2} y={y(m.inflowMinor) - 3} font-size="10" text-anchor="middle">
                {axisLabel(m.inflowMinor, currency)}
              </text>
              <text x={x + bar * 1.5 + 4} y={y(-m.outflowMinor) - 3} font-size="10" text-anchor="middle">
                {axisLabel(-m.outflowMinor, currency)}
              </text>
              <text x={x + bar + 2} y={TOP + plotH + 16} font-size="12" text-anchor="middle">
                {monthWords(m.month)}
              </text>
            </g>
          );
        })}
        <text x={LEFT + plotW / 2} y={H - 4} font-size="11" text-anchor="middle">
          Month
        </text>
        <text
          x={12}
          y={TOP + plotH / 2}
          font-size="11"
          text-anchor="middle"
          transform={`rotate(-90 12 ${TOP + plotH / 2})`}
        >
          Amount ({currency})
        </text>
      </svg>
      <figcaption class="visually-hidden">
        <table>
          <caption>Money in and out by month, {currency}</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Money in</th>
              <th scope="col">Money out</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month}>
                <td>{monthWords(m.month)}</td>
                <td>{formatAmountForDisplay(m.inflowMinor, m.currency)}</td>
                <td>{formatAmountForDisplay(-m.outflowMinor, m.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}

/** Money in and out per month, one chart per currency (amounts of two currencies never add up). */
export function MonthlyChart({ months }: { months: MonthSummary[] }) {
  if (months.length === 0) return null;
  const currencies = [...new Set(months.map((m) => m.currency))];
  return (
    <section aria-labelledby="chart-heading">
      <h2 id="chart-heading">Money in and out by month</h2>
      {currencies.map((c) => (
        <CurrencyChart key={c} currency={c} months={months.filter((m) => m.currency === c).slice(-12)} />
      ))}
    </section>
  );
}
