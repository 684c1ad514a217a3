'use client';

import * as React from 'react';
import * as DialogPrimitive from '@radix-ui/react-dialog';
import { X } from 'lucide-react';
import { cn } from './cn';

/** Root. Props: open?, defaultOpen?, onOpenChange?, modal?, children. */
export const Dialog = DialogPrimitive.Root;
/** Use with asChild to wrap your own <Button>. */
export const DialogTrigger = DialogPrimitive.Trigger;
/** Use with asChild to wrap your own <Button>. */
export const DialogClose = DialogPrimitive.Close;

export interface DialogContentProps extends Omit<React.ComponentProps<typeof DialogPrimitive.Content>, 'title'> {
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Hide the top-right X button (default false). */
  hideCloseButton?: boolean;
}

export function DialogContent({
  title,
  description,
  hideCloseButton = false,
  className,
  children,
  ...props
}: DialogContentProps) {
  return (
    <DialogPrimitive.Portal>
      <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-slate-900/50 backdrop-blur-[1px]" />
      <DialogPrimitive.Content
        {...(description ? {} : { 'aria-describedby': undefined })}
        className={cn(
          'fixed top-1/2 left-1/2 z-50 flex max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 flex-col',
          'overflow-y-auto rounded-card border border-slate-200 bg-white p-5 shadow-xl focus:outline-none sm:p-6',
          className,
        )}
        {...props}
      >
        <div className={cn('mb-4 flex flex-col gap-1', !hideCloseButton && 'pr-8')}>
          <DialogPrimitive.Title className="text-lg font-semibold text-slate-900">{title}</DialogPrimitive.Title>
          {description && (
            <DialogPrimitive.Description className="text-sm text-slate-600">{description}</DialogPrimitive.Description>
          )}
        </div>
        {children}
        {!hideCloseButton && (
          <DialogPrimitive.Close
            aria-label="Close"
            className="absolute top-3 right-3 inline-flex size-8 items-center justify-center rounded-control text-slate-500 hover:bg-slate-100 hover:text-slate-800"
          >
            <X aria-hidden="true" className="size-4" />
          </DialogPrimitive.Close>
        )}
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}

/** Right-aligned action row for the bottom of a dialog (stacks on narrow screens). */
export function DialogFooter({ className, ...props }: React.ComponentProps<'div'>) {
  return (
    <div
      className={cn('mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end', className)}
      {...props}
    />
  );
}
