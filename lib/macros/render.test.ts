import { describe, expect, it } from 'vitest';
import { renderMacro } from './render';

const context = { customerName: 'Alice Able', ticketId: 42, agentName: 'Agnes Agent' };

describe('renderMacro', () => {
  it('fills every placeholder, with or without spaces inside the braces', () => {
    expect(renderMacro('Hi {{customer.first_name}} ({{ customer.name }}), #{{ticket.id}} is on it. – {{agent.name}}', context)).toBe(
      'Hi Alice (Alice Able), #42 is on it. – Agnes Agent',
    );
  });

  it('leaves unknown placeholders as typed', () => {
    expect(renderMacro('Order {{order.id}}', context)).toBe('Order {{order.id}}');
  });

  it('inserts values literally: markup in a name stays text, and $ patterns are not expanded', () => {
    expect(renderMacro('Hi {{customer.name}}', { ...context, customerName: '<img src=x onerror=alert(1)> $& $1' })).toBe('Hi <img src=x onerror=alert(1)> $& $1');
  });
});
