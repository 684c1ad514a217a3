import * as React from 'react';
import { CircleAlert, CircleCheck, Info } from 'lucide-react';
import { cn } from './cn';

export type FormMessageTone = 'error' | 'success' | 'info';

export interface FormMessageProps extends React.ComponentProps<'div'> {
  tone?: FormMessageTone;
}

const tones: Record<FormMessageTone, { cls: string; Icon: typeof Info; testId: string }> = {
  error: { cls: 'border-danger-200 bg-danger-50 text-danger-800', Icon: CircleAlert, testId: 'form-error' },
  success: { cls: 'border-success-200 bg-success-50 text-success-800', Icon: CircleCheck, testId: 'form-success' },
  info: { cls: 'border-sky-200 bg-sky-50 text-sky-900', Icon: Info, testId: 'form-info' },
};

/**
 * Form-level message. role="status"; data-testid "form-error" / "form-success" / "form-info".
 * Renders nothing when children is empty, so `<FormMessage tone="error">{state.error}</FormMessage>` is safe.
 */
export function FormMessage({ tone = 'error', className, children, ...props }: FormMessageProps) {
  if (children === undefined || children === null || children === false || children === '') return null;
  const { cls, Icon, testId } = tones[tone];
  return (
    <div
      role="status"
      data-testid={testId}
      data-tone={tone}
      className={cn('flex items-start gap-2 rounded-control border px-3 py-2.5 text-sm', cls, className)}
      {...props}
    >
      <Icon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
