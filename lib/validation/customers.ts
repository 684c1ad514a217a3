import { z } from 'zod';
import { lineText } from './text';

/** The customers page's search box. A search it cannot run (a control character, too long) shows every customer instead of failing the page. */
export const customerSearchSchema = z.object({ q: lineText().trim().max(100).catch('').default('') });
