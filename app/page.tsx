import { redirect } from 'next/navigation';
import { getActor } from '@/server/auth/session';

/** The front door: staff go to their inbox, everyone else to the portal. */
export default async function Home() {
  const actor = await getActor();
  redirect(actor?.kind === 'staff' ? '/inbox' : '/portal');
}
