import Link from 'next/link';
import { Badge } from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import { portalStatusLabel } from '@/lib/domain/portal-status';
import type { TicketStatus } from '@/lib/domain/ticket-values';

interface Request {
  publicKey: string;
  subject: string;
  status: TicketStatus;
  createdAt: Date;
  lastPublicActivityAt: Date;
}

export function RequestList({ requests }: { requests: Request[] }) {
  return (
    <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white" data-testid="request-list">
      {requests.map((r) => (
        <li key={r.publicKey}>
          <Link href={`/portal/requests/${r.publicKey}`} className="flex flex-col gap-1 p-4 hover:bg-slate-50 sm:flex-row sm:items-center sm:justify-between">
            <span className="font-medium text-slate-900 break-words">{r.subject}</span>
            <span className="flex items-center gap-3 text-sm text-slate-500">
              <Badge tone={r.status === 'solved' || r.status === 'closed' ? 'success' : 'info'}>{portalStatusLabel(r.status)}</Badge>
              <span>Updated {formatDateTime(r.lastPublicActivityAt)}</span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
