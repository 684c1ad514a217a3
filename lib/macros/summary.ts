import { STATUS_LABELS, type TicketStatus } from '@/lib/domain/ticket-values';

/** "set status Solved · add tags billing_error · set stage renewal": what sending with a macro will also do. */
export function macroActionsSummary(actions: { status?: string; addTags?: string[]; journeyStage?: string }, labels: { tags: Map<string, string>; stages: Map<string, string> }): string {
  const parts: string[] = [];
  if (actions.status) parts.push(`set status ${STATUS_LABELS[actions.status as TicketStatus] ?? actions.status}`);
  if (actions.addTags?.length) parts.push(`add ${actions.addTags.length === 1 ? 'tag' : 'tags'} ${actions.addTags.map((t) => labels.tags.get(t) ?? t).join(', ')}`);
  if (actions.journeyStage) parts.push(`set stage ${labels.stages.get(actions.journeyStage) ?? actions.journeyStage}`);
  return parts.join(' · ');
}
