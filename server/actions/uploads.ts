import type { z } from 'zod';
import { checkUploads, type UploadCandidate } from '@/lib/attachments/check';
import { ATTACHMENT_FIELD } from '@/lib/attachments/limits';
import { ServiceError } from '@/lib/errors';
import { uploadsFromForm } from '../services/attachments';
import { formToObject, parseInput } from './run-action';

/**
 * A multipart form's fields and files, checked together, so one submit shows every field error
 * (a missing body and a refused file alike) before anything is stored.
 */
export async function parseWithUploads<S extends z.ZodType>(schema: S, form: FormData, extra: Record<string, unknown> = {}): Promise<{ input: z.infer<S>; uploads: UploadCandidate[] }> {
  const uploads = await uploadsFromForm(form);
  const check = checkUploads(uploads);
  const fileErrors = check.ok ? undefined : check.messages;
  try {
    const input = parseInput(schema, { ...formToObject(form), ...extra });
    if (fileErrors) throw new ServiceError('invalid', fileErrors.join(' '), { fieldErrors: { [ATTACHMENT_FIELD]: fileErrors } });
    return { input, uploads };
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'invalid' && fileErrors) {
      throw new ServiceError('invalid', error.message, { fieldErrors: { ...error.details?.fieldErrors, [ATTACHMENT_FIELD]: fileErrors } });
    }
    throw error;
  }
}
