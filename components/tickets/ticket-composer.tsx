import { can, type StaffActor } from '@/lib/domain/permissions';
import { macroActionsSummary } from '@/lib/macros/summary';
import { renderMacro } from '@/lib/macros/render';
import { getDb } from '@/server/db';
import { listActiveTagOptions, listUsableMacros } from '@/server/queries/macros';
import { listActiveTaxonomy } from '@/server/queries/taxonomy';
import { Composer } from './composer';

/** The composer with the macros this agent may use, their placeholders filled here on the server. */
export async function TicketComposer({ staff, ticketId, customerName }: { staff: StaffActor; ticketId: number; customerName: string }) {
  const db = await getDb();
  const [macros, tags, taxonomy] = await Promise.all([listUsableMacros(db, staff), listActiveTagOptions(db), listActiveTaxonomy(db)]);
  const labels = { tags: new Map(tags.map((t) => [t.value, t.label])), stages: new Map(taxonomy.stages.map((s) => [s.key, s.label])) };
  const context = { customerName, ticketId, agentName: staff.name };
  return (
    <Composer
      ticketId={ticketId}
      canReply={can(staff, 'ticket:reply')}
      canSetStatus={can(staff, 'ticket:update')}
      macros={macros.map((m) => ({ id: m.id, name: m.name, shared: m.shared, text: renderMacro(m.body, context), actions: macroActionsSummary(m.actions, labels) }))}
    />
  );
}
