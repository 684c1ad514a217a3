import * as React from 'react';
import { cn } from './cn';

// Styles: the .ui-card… component classes in globals.css.

export function Card({ className, ...props }: React.ComponentProps<'div'>) {
  return <div className={cn('ui-card', className)} {...props} />;
}

export function CardHeader({ className, ...props }: React.ComponentProps<'div'>) {
  return <div className={cn('ui-card-header', className)} {...props} />;
}

export interface CardTitleProps extends React.ComponentProps<'h2'> {
  /** Heading level (default h2). */
  as?: 'h2' | 'h3' | 'h4';
}

export function CardTitle({ as: Tag = 'h2', className, ...props }: CardTitleProps) {
  return <Tag className={cn('ui-card-title', className)} {...props} />;
}

export function CardBody({ className, ...props }: React.ComponentProps<'div'>) {
  return <div className={cn('ui-card-body', className)} {...props} />;
}
