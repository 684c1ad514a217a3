import type { TicketStatus } from './ticket-values';

/** Customers see fewer, plainer states than staff: internal distinctions stay internal. */
export function portalStatusLabel(status: TicketStatus): string {
  switch (status) {
    case 'new':
    case 'open':
    case 'on_hold':
      return 'Open';
    case 'pending':
      return 'Awaiting your reply';
    case 'solved':
      return 'Solved';
    case 'closed':
      return 'Closed';
  }
}
