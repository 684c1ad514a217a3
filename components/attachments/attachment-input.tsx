import { Field } from '@/components/ui';
import { ATTACHMENT_ACCEPT, ATTACHMENT_FIELD, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_MESSAGE, formatBytes } from '@/lib/attachments/limits';

/**
 * The file picker of a message form. The server checks each file's content; `accept` only helps the
 * picker. Every refused file gets its own sentence in `errors`.
 */
export function AttachmentInput({ errors, id = ATTACHMENT_FIELD }: { errors?: readonly string[]; id?: string }) {
  return (
    <Field
      label="Attachments"
      htmlFor={id}
      hint={`Optional. Up to ${MAX_ATTACHMENTS_PER_MESSAGE} files, ${formatBytes(MAX_ATTACHMENT_BYTES)} each: images, PDF, text, CSV or Office documents.`}
      error={errors?.length ? errors.join(' ') : undefined}
    >
      <input
        id={id}
        name={ATTACHMENT_FIELD}
        type="file"
        multiple
        accept={ATTACHMENT_ACCEPT}
        className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-50"
      />
    </Field>
  );
}
