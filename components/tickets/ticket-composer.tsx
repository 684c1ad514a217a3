import { can, type StaffActor } from '@/lib/domain/permissions';
import { macroActionsSummary } from '@/lib/macros/summary';
import { renderMacro } from '@/lib/macros/render';
import type { UsableMacro } from '@/server/queries/macros';
import type { Taxonomy } from '@/server/queries/taxonomy';
import { Composer } from './composer';

/**
 * The composer with the macros this agent may use, their placeholders filled here on the server. The page
 * reads the macros and the taxonomy beside the ticket, so rendering this waits for nothing.
 */
export function TicketComposer({ staff, ticketId, customerName, macros, taxonomy }: {
  staff: StaffActor;
  ticketId: number;
  customerName: string;
  macros: UsableMacro[];
  /** For the macros' action summaries: a retired tag or stage still reads as its label there. */
  taxonomy: Pick<Taxonomy, 'tags' | 'stages'>;
}) {
  const labels = { tags: new Map(taxonomy.tags.map((t) => [t.key, t.label])), stages: new Map(taxonomy.stages.map((s) => [s.key, s.label])) };
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
