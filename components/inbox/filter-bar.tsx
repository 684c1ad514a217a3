import { Search } from 'lucide-react';
import { Button, Input, NativeSelect } from '@/components/ui';
import { CHANNEL_LABELS, CHANNELS, PRIORITIES, PRIORITY_LABELS, STATUS_LABELS, TICKET_STATUSES } from '@/lib/domain/ticket-values';
import type { Options } from './types';

const opts = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((v) => ({ value: v, label: labels[v] }));
const SORT_OPTIONS = [
  { value: 'created', label: 'Newest first' },
  { value: 'last_activity', label: 'Last activity' },
  { value: 'priority', label: 'Priority' },
  { value: 'sla_due', label: 'Next SLA deadline' },
];

function Select({ name, label, value, options, placeholder = 'Any' }: { name: string; label: string; value?: string; options: { value: string; label: string }[]; placeholder?: string }) {
  const id = `filter-${name}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-600">{label}</label>
      <NativeSelect id={id} name={name} defaultValue={value ?? ''} placeholder={placeholder} options={options} className="min-w-32" />
    </div>
  );
}

function DateRange({ name, label, params }: { name: string; label: string; params: Record<string, string> }) {
  return (
    <fieldset className="flex flex-col gap-1 text-xs font-medium text-slate-600">
      <legend className="mb-1">{label}</legend>
      <div className="flex items-center gap-1">
        <Input type="date" name={`${name}_from`} aria-label={`${label} from`} defaultValue={params[`${name}_from`]?.slice(0, 10)} />
        <span aria-hidden>–</span>
        <Input type="date" name={`${name}_to`} aria-label={`${label} to`} defaultValue={params[`${name}_to`]?.slice(0, 10)} />
      </div>
    </fieldset>
  );
}

/**
 * The filters as a plain GET form: submitting puts every filter in the URL, so a filtered inbox is a
 * link to share, and it works before any script has loaded.
 */
export function FilterBar({ params, options }: { params: Record<string, string>; options: Options }) {
  const staffOptions = [{ value: 'me', label: 'Me' }, { value: 'none', label: 'Unassigned' }, ...options.staff.map((s) => ({ value: String(s.id), label: s.name }))];
  return (
    <form action="/inbox" method="get" className="space-y-3 rounded-lg border border-slate-200 bg-white p-3" role="search" aria-label="Filter tickets">
      <input type="hidden" name="view" value={params.view ?? 'all_open'} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex min-w-56 flex-1 flex-col gap-1">
          <label htmlFor="inbox-search" className="text-xs font-medium text-slate-600">Search</label>
          <span className="relative">
            <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-slate-400" />
            <Input id="inbox-search" name="q" type="search" defaultValue={params.q} placeholder="Subject, message, customer name or email" className="pl-8" />
          </span>
        </div>
        <Select name="status" label="Status" value={params.status} options={opts(TICKET_STATUSES, STATUS_LABELS)} />
        <Select name="priority" label="Priority" value={params.priority} options={opts(PRIORITIES, PRIORITY_LABELS)} />
        <Select name="assignee" label="Assignee" value={params.assignee} options={staffOptions} />
        <Select name="sort" label="Sort" value={params.sort} options={SORT_OPTIONS} placeholder="Default" />
        <Button type="submit" variant="secondary">Apply</Button>
        <a href={`/inbox?view=${encodeURIComponent(params.view ?? 'all_open')}`} className="px-2 py-2 text-sm text-slate-600 underline">Clear</a>
      </div>
      <details className="group" open={Boolean(Object.keys(params).some((k) => !['view', 'q', 'status', 'priority', 'assignee', 'sort', 'cursor'].includes(k)))}>
        <summary className="cursor-pointer text-sm font-medium text-slate-700">More filters</summary>
        <div className="mt-3 flex flex-wrap items-end gap-2">
          <Select name="team" label="Team" value={params.team} options={[{ value: 'none', label: 'No team' }, ...options.teams.map((t) => ({ value: String(t.id), label: t.name }))]} />
          <Select name="channel" label="Channel" value={params.channel} options={opts(CHANNELS, CHANNEL_LABELS)} />
          <Select name="journey_stage" label="Journey stage" value={params.journey_stage} options={options.stages.map((s) => ({ value: s.key, label: s.label }))} />
          <Select name="touchpoint" label="Touchpoint" value={params.touchpoint} options={options.touchpoints.map((t) => ({ value: t.key, label: t.label }))} />
          <Select name="tag" label="CX tag" value={params.tag} options={options.tags.map((t) => ({ value: t.key, label: `${t.label} (${t.group.replace('_', ' ')})` }))} />
          <Select name="fcr" label="FCR" value={params.fcr} options={[{ value: 'true', label: 'Yes' }, { value: 'false', label: 'No' }, { value: 'null', label: 'Not counted' }]} />
          <Select name="reopened" label="Reopened" value={params.reopened} options={[{ value: 'true', label: 'Yes' }, { value: 'false', label: 'No' }]} />
          <Select name="sla" label="SLA" value={params.sla} options={[{ value: 'at_risk', label: 'At risk' }, { value: 'breached', label: 'Breached' }, { value: 'running', label: 'Running' }, { value: 'met', label: 'Met' }]} />
          <div className="flex flex-col gap-1">
            <label htmlFor="filter-customer" className="text-xs font-medium text-slate-600">Customer id</label>
            <Input id="filter-customer" name="customer" inputMode="numeric" defaultValue={params.customer} className="w-28" />
          </div>
          <DateRange name="created" label="Created" params={params} />
          <DateRange name="first_response" label="First response" params={params} />
          <DateRange name="first_solved" label="First solved" params={params} />
          <DateRange name="rated" label="Rated" params={params} />
        </div>
      </details>
    </form>
  );
}
