import * as React from 'react';
import { ChevronDown } from 'lucide-react';
import { cn } from './cn';
import { controlClasses } from './input';

export interface NativeSelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface NativeSelectProps extends React.ComponentProps<'select'> {
  /** Sets aria-invalid and a red border. */
  invalid?: boolean;
  /** Adds a first `<option value="">` with this text (selectable, so `required` rejects it). */
  placeholder?: string;
  /** Options to render; `children` <option>s are rendered after these. */
  options?: readonly NativeSelectOption[];
  /** Class for the positioning wrapper <div> (className goes on the <select>). */
  wrapperClassName?: string;
}

export function NativeSelect({
  className,
  wrapperClassName,
  invalid,
  placeholder,
  options,
  children,
  'aria-invalid': ariaInvalid,
  ...props
}: NativeSelectProps) {
  return (
    <div className={cn('relative', wrapperClassName)}>
      <select
        aria-invalid={invalid ? true : ariaInvalid}
        className={cn(
          controlClasses,
          'cursor-pointer appearance-none py-2',
          props.multiple ? 'h-auto' : 'h-10 pr-9',
          className,
        )}
        {...props}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options?.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
        {children}
      </select>
      {!props.multiple && (
        <ChevronDown
          aria-hidden="true"
          className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-slate-500"
        />
      )}
    </div>
  );
}
