/**
 * Fills a macro's placeholders. The result is plain text like any message body (it is rendered as
 * text, never HTML), so a value containing markup stays harmless. Unknown placeholders stay as typed,
 * so a typo is visible in the composer before sending.
 */
export interface MacroContext {
  customerName: string;
  ticketId: number;
  agentName: string;
}

export const MACRO_PLACEHOLDERS = ['{{customer.name}}', '{{customer.first_name}}', '{{ticket.id}}', '{{agent.name}}'] as const;

export function renderMacro(body: string, context: MacroContext): string {
  const values: Record<string, string> = {
    'customer.name': context.customerName,
    'customer.first_name': context.customerName.trim().split(/\s+/)[0] ?? context.customerName,
    'ticket.id': String(context.ticketId),
    'agent.name': context.agentName,
  };
  return body.replace(/\{\{\s*([a-z_.]+)\s*\}\}/gi, (whole, key: string) => values[key.toLowerCase()] ?? whole);
}
