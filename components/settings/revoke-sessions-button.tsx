'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button, Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger, FormMessage, toast } from '@/components/ui';
import { useFormAction } from '@/components/forms/use-form-action';
import { revokeStaffSessionsAction } from '@/server/actions/account';

/** Settings → Staff, admins only: end every session of one staff member (a lost laptop, someone leaving). */
export function RevokeSessionsButton({ user }: { user: { id: number; name: string; email: string } }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { pending, failure, onSubmit } = useFormAction(revokeStaffSessionsAction, (data) => {
    setOpen(false);
    toast.success(data.endedSessions === 1 ? `${user.name} was signed out of 1 session` : `${user.name} was signed out of ${data.endedSessions} sessions`);
    router.refresh();
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="secondary" aria-label={`Sign ${user.name} out everywhere`}>Sign out everywhere</Button>
      </DialogTrigger>
      <DialogContent
        title={`Sign ${user.name} out everywhere?`}
        description={`Every browser signed in as ${user.email} is signed out at once, and must sign in again with the password. Their API tokens keep working; revoke those under API tokens.`}
      >
        <form onSubmit={onSubmit}>
          <input type="hidden" name="userId" value={user.id} />
          <FormMessage tone="error">{failure?.message}</FormMessage>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" variant="danger" loading={pending}>Sign out everywhere</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
