import * as React from 'react';
import { cn } from './cn';
import { controlClasses } from './input';

export interface TextareaProps extends React.ComponentProps<'textarea'> {
  /** Sets aria-invalid and a red border. */
  invalid?: boolean;
}

export function Textarea({ className, invalid, rows = 4, 'aria-invalid': ariaInvalid, ...props }: TextareaProps) {
  return (
    <textarea
      rows={rows}
      aria-invalid={invalid ? true : ariaInvalid}
      className={cn(controlClasses, 'min-h-20 resize-y py-2', className)}
      {...props}
    />
  );
}
