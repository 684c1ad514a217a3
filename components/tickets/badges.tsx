import { Badge, type BadgeTone } from '@/components/ui';
import { PRIORITY_LABELS, STATUS_LABELS, type Priority, type TicketStatus } from '@/lib/domain/ticket-values';

const STATUS_TONE: Record<TicketStatus, BadgeTone> = {
  new: 'brand',
  open: 'info',
  pending: 'warn',
  on_hold: 'neutral',
  solved: 'success',
  closed: 'neutral',
};
const PRIORITY_TONE: Record<Priority, BadgeTone> = { low: 'neutral', normal: 'neutral', high: 'warn', urgent: 'danger' };

export function StatusBadge({ status }: { status: TicketStatus }) {
  return <Badge tone={STATUS_TONE[status]} data-testid="status-badge">{STATUS_LABELS[status]}</Badge>;
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  return <Badge tone={PRIORITY_TONE[priority]}>{PRIORITY_LABELS[priority]}</Badge>;
}
