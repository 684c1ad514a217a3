import Link from 'next/link';
import { cn } from '@/components/ui';

const BOARDS = [
  { href: '/boards', label: 'First contact resolution', key: 'fcr' },
  { href: '/boards/response', label: 'Response time and SLA', key: 'response' },
  { href: '/boards/csat', label: 'CSAT', key: 'csat' },
  { href: '/boards/heatmap', label: 'Journey heatmap', key: 'heatmap' },
] as const;
export type BoardKey = (typeof BOARDS)[number]['key'];

/** Tabs between boards; each keeps the current filters (`query`). */
export function BoardNav({ current, query }: { current: BoardKey; query: string }) {
  return (
    <nav aria-label="Boards" className="mb-4 flex flex-wrap gap-1 border-b border-slate-200">
      {BOARDS.map((b) => (
        <Link
          key={b.key}
          href={`${b.href}${query}`}
          aria-current={b.key === current ? 'page' : undefined}
          className={cn(
            '-mb-px border-b-2 px-3 py-2 text-sm font-medium',
            b.key === current ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-600 hover:text-slate-900',
          )}
        >
          {b.label}
        </Link>
      ))}
    </nav>
  );
}
