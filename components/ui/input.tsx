import * as React from 'react';
import { cn } from './cn';

/** Shared look for text-like controls (input, textarea, native select): .ui-control in app/globals.css. */
export const controlClasses = 'ui-control';

export interface InputProps extends React.ComponentProps<'input'> {
  /** Sets aria-invalid and a red border. */
  invalid?: boolean;
}

export function Input({ className, invalid, type = 'text', 'aria-invalid': ariaInvalid, ...props }: InputProps) {
  return (
    <input
      type={type}
      aria-invalid={invalid ? true : ariaInvalid}
      className={cn(controlClasses, 'h-10 py-2', className)}
      {...props}
    />
  );
}
