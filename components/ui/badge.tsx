import * as React from 'react';
import { cn } from './cn';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warn' | 'danger' | 'brand';

export interface BadgeProps extends React.ComponentProps<'span'> {
  tone?: BadgeTone;
}

/** Colours come from the tone (`.ui-badge[data-tone]` in globals.css), not from classes on each badge. */
export function Badge({ tone = 'neutral', className, ...props }: BadgeProps) {
  return (
    <span
      data-tone={tone}
      className={cn('ui-badge', className)}
      {...props}
    />
  );
}
