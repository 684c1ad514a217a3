/** The closed sets of values a ticket carries. Shared by schema, validation and domain rules. */
export const TICKET_STATUSES = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses an agent may set by hand: `new` is only ever the starting status of a customer's ticket. */
export const SETTABLE_STATUSES = ['open', 'pending', 'on_hold', 'solved', 'closed'] as const satisfies readonly TicketStatus[];

export const UNSOLVED_STATUSES = ['new', 'open', 'pending', 'on_hold'] as const satisfies readonly TicketStatus[];
export const isUnsolved = (s: TicketStatus) => (UNSOLVED_STATUSES as readonly TicketStatus[]).includes(s);

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const CHANNELS = ['portal', 'email', 'phone', 'chat', 'api', 'social'] as const;
export type Channel = (typeof CHANNELS)[number];

/** `api` counts as `customer` in every metric (METRICS.md, "Who is who"). */
export const CREATED_BY_KINDS = ['customer', 'agent', 'api'] as const;
export type CreatedByKind = (typeof CREATED_BY_KINDS)[number];

export const MESSAGE_AUTHOR_KINDS = ['customer', 'agent', 'system'] as const;
export type MessageAuthorKind = (typeof MESSAGE_AUTHOR_KINDS)[number];

export const VISIBILITIES = ['public', 'internal'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const ACTOR_KINDS = ['customer', 'agent', 'system', 'api'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const TICKET_EVENT_TYPES = [
  'created',
  'message',
  'status',
  'assignment',
  'priority',
  'journey_stage',
  'touchpoint',
  'tags',
  'csat',
  'merge',
] as const;
export type TicketEventType = (typeof TICKET_EVENT_TYPES)[number];

export const STATUS_LABELS: Record<TicketStatus, string> = {
  new: 'New',
  open: 'Open',
  pending: 'Pending',
  on_hold: 'On hold',
  solved: 'Solved',
  closed: 'Closed',
};

export const PRIORITY_LABELS: Record<Priority, string> = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' };

export const CHANNEL_LABELS: Record<Channel, string> = {
  portal: 'Portal',
  email: 'Email',
  phone: 'Phone',
  chat: 'Chat',
  api: 'API',
  social: 'Social',
};
