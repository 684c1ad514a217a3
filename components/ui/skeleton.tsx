import * as React from 'react';
import { cn } from './cn';

/** A pulsing placeholder block. Size it with className (e.g. "h-4 w-32"). */
export function Skeleton({ className, ...props }: React.ComponentProps<'div'>) {
  return (
    <div aria-hidden="true" className={cn('animate-pulse rounded-control bg-slate-200', className)} {...props} />
  );
}

export interface SkeletonRowsProps extends React.ComponentProps<'div'> {
  /** Number of rows (default 5). */
  rows?: number;
  /** Screen-reader text (default "Loading…"). */
  label?: string;
}

/** A stack of row placeholders, announced politely as loading. */
export function SkeletonRows({ rows = 5, label = 'Loading…', className, ...props }: SkeletonRowsProps) {
  return (
    <div role="status" aria-live="polite" className={cn('flex flex-col gap-3', className)} {...props}>
      <span className="sr-only">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex items-center gap-3">
          <Skeleton className="size-8 shrink-0 rounded-full" />
          <div className="flex flex-1 flex-col gap-2">
            <Skeleton className={cn('h-3.5', i % 3 === 0 ? 'w-2/3' : i % 3 === 1 ? 'w-1/2' : 'w-3/4')} />
            <Skeleton className="h-3 w-1/3" />
          </div>
        </div>
      ))}
    </div>
  );
}
