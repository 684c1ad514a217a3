'use client';

import * as React from 'react';
import { Toaster as SonnerToaster, toast, type ToasterProps } from 'sonner';

export type { ToasterProps };

/** Mount once (e.g. in the root layout). Defaults: top-right, richColors, closeButton. */
export function Toaster(props: ToasterProps) {
  return <SonnerToaster position="top-right" richColors closeButton {...props} />;
}

export { toast };
