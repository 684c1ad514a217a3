import * as React from 'react';
import { cn } from './cn';

export interface TableProps extends React.ComponentProps<'table'> {
  /** Class for the scrolling wrapper <div>. */
  wrapperClassName?: string;
  /**
   * Accessible name for the scroll container. When set, the wrapper becomes a focusable
   * region so keyboard users can scroll wide tables.
   */
  label?: string;
}

export function Table({ className, wrapperClassName, label, ...props }: TableProps) {
  return (
    <div
      className={cn(
        'w-full overflow-x-auto rounded-card border border-slate-200 bg-white shadow-sm',
        wrapperClassName,
      )}
      {...(label ? { role: 'region', 'aria-label': label, tabIndex: 0 } : {})}
    >
      <table className={cn('w-full min-w-full border-collapse text-left text-sm', className)} {...props} />
    </div>
  );
}

export function THead({ className, ...props }: React.ComponentProps<'thead'>) {
  return <thead className={cn('border-b border-slate-200 bg-slate-50', className)} {...props} />;
}

export function TBody({ className, ...props }: React.ComponentProps<'tbody'>) {
  return <tbody className={cn('divide-y divide-slate-100', className)} {...props} />;
}

export function TR({ className, ...props }: React.ComponentProps<'tr'>) {
  return <tr className={cn('ui-tr', className)} {...props} />;
}

export function TH({ className, scope = 'col', ...props }: React.ComponentProps<'th'>) {
  return (
    <th
      scope={scope}
      className={cn('ui-th', className)}
      {...props}
    />
  );
}

export function TD({ className, ...props }: React.ComponentProps<'td'>) {
  return <td className={cn('ui-td', className)} {...props} />;
}
