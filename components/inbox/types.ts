import type { InboxRowView } from '@/server/http/serializers';
import type { InboxFilterOptions } from '@/server/queries/inbox/options';

export type InboxPage = { tickets: InboxRowView[]; next_cursor: string | null };
export type ViewLink = { key: string; label: string; count: { count: number; capped: boolean } | null; shared?: boolean };
export type Options = InboxFilterOptions;
/** Another staff member on a ticket right now. */
export type Presence = { name: string; state: 'viewing' | 'typing' };

/** The URL of the inbox with some parameters changed; empty values are dropped, and paging restarts. */
export function inboxHref(params: Record<string, string>, change: Record<string, string | null>): string {
  const next = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...params, ...change })) if (v && k !== 'cursor') next.set(k, v);
  if (change.cursor) next.set('cursor', change.cursor);
  return `/inbox?${next}`;
}
