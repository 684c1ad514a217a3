import { Button, Field, Input, NativeSelect } from '@/components/ui';
import { CHANNELS, PRIORITIES } from '@/lib/domain/ticket-values';
import type { BoardFilterOptions } from '@/server/queries/boards/scope';
import type { BoardParams, BoardRange } from '@/lib/validation/boards';

const label = (v: string) => v.charAt(0).toUpperCase() + v.slice(1);
const PERIODS = [
  { value: '7', label: 'Last 7 days' },
  { value: '30', label: 'Last 30 days' },
  { value: '90', label: 'Last 90 days' },
  { value: 'custom', label: 'Custom dates' },
];
const GRANULARITY = [
  { value: 'day', label: 'Daily' },
  { value: 'week', label: 'Weekly' },
];

/**
 * The filters, as a plain GET form: every choice lands in the URL, so a board can be shared, and it works
 * without JavaScript. `keep` carries the board's own toggles (clock, colour) through a submit.
 */
export function BoardFilters({
  action,
  params,
  range,
  options,
  everyone,
  keep = {},
}: {
  action: string;
  params: BoardParams;
  range: BoardRange;
  options: BoardFilterOptions;
  everyone: boolean;
  keep?: Record<string, string>;
}) {
  return (
    <form method="get" action={action} aria-label="Board filters" className="mb-6 flex flex-wrap items-end gap-3 rounded-card border border-slate-200 bg-white p-4 shadow-sm">
      {Object.entries(keep).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <Field label="Period" htmlFor="board-period">
        <NativeSelect name="range" defaultValue={range.custom ? 'custom' : (params.range ?? '30')} options={PERIODS} />
      </Field>
      <Field label="From" htmlFor="board-from">
        <Input type="date" name="from" defaultValue={range.fromDate} />
      </Field>
      <Field label="To" htmlFor="board-to">
        <Input type="date" name="to" defaultValue={range.toDate} />
      </Field>
      <Field label="Team" htmlFor="board-team">
        <NativeSelect name="team" defaultValue={params.team?.toString() ?? ''} placeholder="All teams" options={options.teams.map((t) => ({ value: String(t.id), label: t.name }))} />
      </Field>
      {everyone ? (
        <Field label="Agent" htmlFor="board-agent">
          <NativeSelect name="agent" defaultValue={params.agent?.toString() ?? ''} placeholder="All agents" options={options.staff.map((u) => ({ value: String(u.id), label: u.name }))} />
        </Field>
      ) : null}
      <Field label="Channel" htmlFor="board-channel">
        <NativeSelect name="channel" defaultValue={params.channel ?? ''} placeholder="All channels" options={CHANNELS.map((c) => ({ value: c, label: label(c) }))} />
      </Field>
      <Field label="Priority" htmlFor="board-priority">
        <NativeSelect name="priority" defaultValue={params.priority ?? ''} placeholder="All priorities" options={PRIORITIES.map((c) => ({ value: c, label: label(c) }))} />
      </Field>
      <Field label="Granularity" htmlFor="board-granularity">
        <NativeSelect name="interval" defaultValue={range.interval} options={GRANULARITY} />
      </Field>
      <Button type="submit">Apply</Button>
    </form>
  );
}
