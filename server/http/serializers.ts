import type { InboxRow } from '../queries/inbox/list';

/** The list API's row: list fields only, snake_case, ISO times. */
export function inboxRowJson(row: InboxRow) {
  return {
    id: row.id,
    subject: row.subject,
    status: row.status,
    priority: row.priority,
    channel: row.channel,
    journey_stage: row.journeyStage,
    touchpoint: row.touchpoint,
    customer: { name: row.customerName, email: row.customerEmail },
    assignee: row.assigneeId === null ? null : { id: row.assigneeId, name: row.assigneeName },
    created_at: row.createdAt.toISOString(),
    last_activity_at: row.lastActivityAt.toISOString(),
    sla_next_due_at: row.slaNextDueAt?.toISOString() ?? null,
    change_seq: Number(row.changeSeq),
    ...(row.highlight ? { highlight: row.highlight } : {}),
  };
}
export type InboxRowJson = ReturnType<typeof inboxRowJson>;

/**
 * What an inbox row shows, and all the inbox page sends its client for each of the 50 rows: the page's
 * payload carries every row twice (HTML and RSC props). Polled rows are whole InboxRowJson, which fits.
 */
export function inboxRowView(row: InboxRow) {
  const { id, subject, status, priority, channel, customer, assignee, created_at, highlight } = inboxRowJson(row);
  return { id, subject, status, priority, channel, customer, assignee, created_at, ...(highlight ? { highlight } : {}) };
}
export type InboxRowView = ReturnType<typeof inboxRowView>;
