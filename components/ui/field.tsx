import * as React from 'react';
import { cn } from './cn';
import { Input } from './input';
import { Textarea } from './textarea';
import { NativeSelect } from './select';

export interface FieldProps {
  label: React.ReactNode;
  /** id of the control; the label points at it, hint/error ids derive from it. */
  htmlFor: string;
  hint?: React.ReactNode;
  /** Error text; rendered with data-testid="field-error" and id `${htmlFor}-error`. */
  error?: React.ReactNode;
  /** Shows a visual "*" after the label (does not set `required` on the control). */
  required?: boolean;
  className?: string;
  children: React.ReactNode;
}

const CONTROL_TYPES = new Set<unknown>(['input', 'textarea', 'select', Input, Textarea, NativeSelect]);

type ControlProps = {
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: React.AriaAttributes['aria-invalid'];
  invalid?: boolean;
};

/**
 * Label + control + hint + error. When the single child is a form control (native input/textarea/select
 * or the Input/Textarea/NativeSelect primitives) it is wired up automatically: `id` (if missing),
 * `aria-describedby` (hint + error ids) and `aria-invalid` when there is an error.
 */
export function Field({ label, htmlFor, hint, error, required, className, children }: FieldProps) {
  const hintId = `${htmlFor}-hint`;
  const errorId = `${htmlFor}-error`;
  const hasError = error !== undefined && error !== null && error !== false && error !== '';
  const hasHint = hint !== undefined && hint !== null && hint !== false && hint !== '';

  let control = children;
  if (React.isValidElement<ControlProps>(children) && CONTROL_TYPES.has(children.type)) {
    const p = children.props;
    const describedBy = [p['aria-describedby'], hasHint && hintId, hasError && errorId].filter(Boolean).join(' ');
    const isNative = typeof children.type === 'string';
    control = React.cloneElement(children, {
      id: p.id ?? htmlFor,
      'aria-describedby': describedBy || undefined,
      ...(hasError ? (isNative ? { 'aria-invalid': true } : { invalid: true }) : {}),
    });
  }

  return (
    <div className={cn('flex flex-col gap-1.5', className)}>
      <label htmlFor={htmlFor} className="text-sm font-medium text-slate-800">
        {label}
        {required && (
          <span aria-hidden="true" className="ml-0.5 text-danger-600">
            *
          </span>
        )}
      </label>
      {control}
      {hasHint && (
        <p id={hintId} className="text-sm text-slate-500">
          {hint}
        </p>
      )}
      {hasError && (
        <p id={errorId} data-testid="field-error" className="text-sm font-medium text-danger-700">
          {error}
        </p>
      )}
    </div>
  );
}
