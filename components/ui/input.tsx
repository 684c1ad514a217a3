import * as React from 'react';
import { cn } from './cn';

/** Shared look for text-like controls (input, textarea, native select). */
export const controlClasses =
  'block w-full rounded-control border border-slate-300 bg-white px-3 text-base text-slate-900 shadow-sm sm:text-sm ' +
  'placeholder:text-slate-400 transition-colors ' +
  'focus-visible:border-brand-500 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-500/40 ' +
  'disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-500 read-only:bg-slate-50 ' +
  'aria-invalid:border-danger-500 aria-invalid:focus-visible:outline-danger-500/40';

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
