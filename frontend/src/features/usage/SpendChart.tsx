import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { money } from '../../lib/money';
import type { DayPoint } from './usage';

/**
 * SpendChart draws a period's spend per day (bars) and its running total
 * (a line), against the monthly budget (a dashed line, when there is one),
 * so the day the total would cross the budget is plain to see.
 */
export function SpendChart({ points, budget }: { points: DayPoint[]; budget: number | null }) {
  const top = Math.max(budget ?? 0, ...points.map((p) => p.total));
  return (
    <div className="h-64 w-full" data-testid="spend-chart" role="img"
      aria-label={`Spend per day; ${money(points.at(-1)?.total ?? 0)} in the period${budget === null ? '' : ` against a budget of ${money(budget)} a month`}`}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={points} margin={{ top: 12, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={16} />
          <YAxis tick={{ fontSize: 11 }} tickFormatter={(v: number) => money(v)} width={56} domain={[0, top > 0 ? top * 1.1 : 1]} />
          <Tooltip formatter={(v) => money(Number(v))} labelClassName="text-xs" contentStyle={{ fontSize: 12 }} />
          <Legend wrapperStyle={{ fontSize: 12 }} formatter={(name) => <span className="text-slate-700">{name}</span>} />
          <Bar dataKey="cost" name="Spend that day" fill="#a78bfa" radius={[2, 2, 0, 0]} isAnimationActive={false} />
          <Line dataKey="total" name="Spend so far" stroke="#6d28d9" strokeWidth={2} dot={false} isAnimationActive={false} />
          {budget !== null && (
            <ReferenceLine y={budget} stroke="#dc2626" strokeDasharray="6 4" ifOverflow="extendDomain"
              label={{ value: `Budget ${money(budget)}`, position: 'insideTopRight', fontSize: 11, fill: '#dc2626' }} />
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
