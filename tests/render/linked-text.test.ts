import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LinkedText } from '@/components/ui/linked-text';

const render = (text: string) => renderToStaticMarkup(createElement(LinkedText, { text }));

describe('LinkedText (message bodies in the staff and portal threads)', () => {
  it('shows a script or an img onerror as text, never as markup', () => {
    const html = render('<script>alert(1)</script><img src=x onerror="alert(2)">');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
  });

  it('links http(s) URLs with noopener noreferrer nofollow, and nothing else', () => {
    const html = render('Track it at https://example.com/t?id=1 or javascript:alert(1)');
    expect(html).toContain('<a href="https://example.com/t?id=1" target="_blank" rel="noopener noreferrer nofollow"');
    expect(html.match(/<a /g)).toHaveLength(1);
    expect(html).toContain('javascript:alert(1)</div>');
  });
});
