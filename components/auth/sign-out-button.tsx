'use client';

import { signOut } from 'next-auth/react';
import { LogOut } from 'lucide-react';
import { Button } from '@/components/ui';

export function SignOutButton({ redirectTo }: { redirectTo: string }) {
  return (
    <Button type="button" variant="ghost" size="sm" onClick={() => signOut({ callbackUrl: redirectTo })}>
      <LogOut aria-hidden className="size-4" /> Sign out
    </Button>
  );
}
