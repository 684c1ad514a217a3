import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Thread } from '@/components/tickets/thread';

type Message = Parameters<typeof Thread>[0]['messages'][number];

const message = (id: number, over: Partial<Message>): Message =>
  ({
    id,
    authorKind: 'customer',
    visibility: 'public',
    channel: null,
    body: '',
    createdAt: new Date('2026-12-01T10:00:00Z'),
    staffName: null,
    attachments: [],
    ...over,
  }) as Message;

describe('Thread (the staff conversation)', () => {
  it('links "#1234" to that ticket in internal notes only: in a customer message it is as likely an order number', () => {
    const html = renderToStaticMarkup(
      createElement(Thread, {
        customerName: 'Dana',
        messages: [
          message(1, { body: 'My order #2126782 is late' }),
          message(2, { authorKind: 'agent', visibility: 'internal', staffName: 'Priya', body: 'Merged into #12 "Parcel".' }),
        ],
      }),
    );
    expect(html).toContain('My order #2126782 is late');
    expect(html).not.toContain('href="/tickets/2126782"');
    expect(html).toContain('href="/tickets/12"');
  });
});
