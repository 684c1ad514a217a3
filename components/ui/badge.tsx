import * as React from 'react';
import { cn } from './cn';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warn' | 'danger' | 'brand';

export interface BadgeProps extends React.ComponentProps<'span'> {
  tone?: BadgeTone;
}

const tones: Record<BadgeTone, string> = {
  neutral: 'bg-slate-100 text-slate-700 ring-slate-200',
  info: 'bg-sky-50 text-sky-800 ring-sky-200',
  success: 'bg-success-50 text-success-800 ring-success-200',
  warn: 'bg-warn-50 text-warn-800 ring-warn-200',
  danger: 'bg-danger-50 text-danger-800 ring-danger-200',
  brand: 'bg-brand-50 text-brand-700 ring-brand-200',
};

export function Badge({ tone = 'neutral', className, ...props }: BadgeProps) {
  return (
    <span
      data-tone={tone}
      className={cn(
        'ui-badge',
        tones[tone],
        className,
      )}
      {...props}
    />
  );
}
