'use client';

import { useState, type FormEvent } from 'react';
import { Button, Card, CardBody, CardHeader, CardTitle, Field, NativeSelect } from '@/components/ui';
import { PRIORITIES, PRIORITY_LABELS, SETTABLE_STATUSES, STATUS_LABELS, type Priority, type TicketStatus } from '@/lib/domain/ticket-values';
import type { TicketFieldsInput } from '@/lib/validation/tickets';
import { EditMessages } from './edit-messages';
import { useTicketEdit } from './use-ticket-edit';

export interface TicketControlsProps {
  ticketId: number;
  version: number;
  meId: number;
  status: TicketStatus;
  priority: Priority;
  assigneeId: number | null;
  teamId: number | null;
  staff: { id: number; name: string }[];
  teams: { id: number; name: string }[];
  closed: boolean;
}

const idOrNull = (v: FormDataEntryValue | null) => (v ? Number(v) : null);

/**
 * Status, priority, assignee and team: native selects (keyboard and screen-reader friendly) saved together
 * with one button, sending only what the agent changed, against the version on screen.
 */
export function TicketControls(p: TicketControlsProps) {
  const { save, pending, conflict, error } = useTicketEdit(p.ticketId, p.version);
  const [dirty, setDirty] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const changes: Omit<TicketFieldsInput, 'version'> = {};
    const status = form.get('status') as TicketStatus | '';
    if (status && status !== p.status) changes.status = status as (typeof SETTABLE_STATUSES)[number];
    const priority = form.get('priority') as Priority;
    if (priority !== p.priority) changes.priority = priority;
    const assignee = idOrNull(form.get('assignee'));
    if (assignee !== p.assigneeId) changes.assignee_id = assignee;
    const team = idOrNull(form.get('team'));
    if (team !== p.teamId) changes.team_id = team;
    if (Object.keys(changes).length === 0) return;
    save(changes, 'Ticket updated');
    setDirty(false);
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Ticket</CardTitle>
        {p.assigneeId !== p.meId && !p.closed ? (
          <Button type="button" size="sm" variant="secondary" loading={pending} onClick={() => save({ assignee_id: p.meId }, 'Assigned to you')}>
            Assign to me
          </Button>
        ) : null}
      </CardHeader>
      <CardBody>
        {/* Keyed by version: after a save or a conflict the selects show the values as they are now. */}
        <form key={p.version} onSubmit={onSubmit} onChange={() => setDirty(true)} className="space-y-3">
          <Field label="Status" htmlFor="ticket-status">
            <NativeSelect
              name="status"
              defaultValue={p.status === 'new' ? '' : p.status}
              disabled={p.closed}
              placeholder={p.status === 'new' ? 'New' : undefined}
              options={SETTABLE_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
            />
          </Field>
          <Field label="Priority" htmlFor="ticket-priority">
            <NativeSelect name="priority" defaultValue={p.priority} options={PRIORITIES.map((v) => ({ value: v, label: PRIORITY_LABELS[v] }))} />
          </Field>
          <Field label="Assignee" htmlFor="ticket-assignee">
            <NativeSelect
              name="assignee"
              defaultValue={p.assigneeId ?? ''}
              placeholder="Unassigned"
              options={p.staff.map((s) => ({ value: String(s.id), label: s.id === p.meId ? `${s.name} (me)` : s.name }))}
            />
          </Field>
          <Field label="Team" htmlFor="ticket-team">
            <NativeSelect name="team" defaultValue={p.teamId ?? ''} placeholder="No team" options={p.teams.map((t) => ({ value: String(t.id), label: t.name }))} />
          </Field>
          <EditMessages conflict={conflict} error={error} />
          <Button type="submit" size="sm" variant={dirty ? 'primary' : 'secondary'} loading={pending} className="w-full">
            Save changes
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}
