import Link from 'next/link';
import { cn } from '@/components/ui';
import { inboxHref, type ViewLink } from './types';

const formatCount = (c: ViewLink['count']) => (c === null ? null : c.capped ? `${c.count.toLocaleString('en-US')}+` : c.count.toLocaleString('en-US'));

/** Built-in, team and saved views, with cheap capped counts. */
export function ViewNav({ views, current }: { views: ViewLink[]; current: string }) {
  return (
    <nav aria-label="Inbox views" className="flex flex-wrap gap-2">
      {views.map((v) => (
        <Link
          key={v.key}
          href={inboxHref({}, { view: v.key })}
          aria-current={v.key === current ? 'page' : undefined}
          className={cn(
            'inline-flex items-center gap-1.5 rounded-full border px-3 py-1 text-sm',
            v.key === current ? 'border-brand-600 bg-brand-50 font-medium text-brand-800' : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-100',
          )}
        >
          {v.label}
          {v.shared ? <span className="text-xs text-slate-500">(team)</span> : null}
          {formatCount(v.count) !== null ? (
            <span className="rounded-full bg-slate-200 px-1.5 text-xs tabular-nums text-slate-700" data-testid={`view-count-${v.key}`}>
              {formatCount(v.count)}
            </span>
          ) : null}
        </Link>
      ))}
    </nav>
  );
}
