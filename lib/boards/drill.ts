/**
 * Drill-down links from a board figure to the inbox: the inbox's own metric filters, with the same period
 * attribution as the figure (METRICS.md), so the list holds exactly the tickets behind the number. Merged
 * tickets are left out, as in every aggregate.
 */

/** The inbox's filters for a board's scope or a breakdown row (ids, taxonomy keys, channel, priority). */
export type InboxFilter = Partial<Record<'team' | 'assignee' | 'journey_stage' | 'touchpoint' | 'channel' | 'priority', string>>;

export type DrillFigure =
  | 'created'
  | 'solved'
  | 'fcr'
  | 'not_fcr'
  | 'fcr_counted'
  | 'without_reply'
  | 'reopened'
  | 'first_response'
  | 'rated';

/** Each figure's event column (as the inbox names its range filter) and its condition. */
const FIGURES: Record<DrillFigure, { at: 'created' | 'first_response' | 'first_solved' | 'rated'; extra?: Record<string, string> }> = {
  created: { at: 'created' },
  solved: { at: 'first_solved' },
  fcr: { at: 'first_solved', extra: { fcr: 'true' } },
  not_fcr: { at: 'first_solved', extra: { fcr: 'false' } },
  fcr_counted: { at: 'first_solved', extra: { fcr: 'known' } },
  // A solved ticket's FCR is null exactly when it was solved without a reply.
  without_reply: { at: 'first_solved', extra: { fcr: 'null' } },
  reopened: { at: 'first_solved', extra: { reopened: 'true' } },
  first_response: { at: 'first_response' },
  rated: { at: 'rated' },
};

/** An instant as the inbox reads it, without the milliseconds a board's ranges never have. */
const instant = (d: Date) => d.toISOString().replace('.000Z', 'Z');

export function drillHref(figure: DrillFigure, range: { from: Date; to: Date }, filter: InboxFilter): string {
  const { at, extra } = FIGURES[figure];
  const params: Record<string, string> = {
    view: 'all',
    merged: 'false',
    [`${at}_from`]: instant(range.from),
    [`${at}_to`]: instant(range.to),
    ...extra,
  };
  for (const [k, v] of Object.entries(filter)) if (v !== undefined) params[k] = v;
  // A board holds hundreds of these links: ':' stays readable (it is valid in a query) and the page smaller.
  return `/inbox?${new URLSearchParams(params).toString().replace(/%3A/g, ':')}`;
}
