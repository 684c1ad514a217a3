import type { Db } from '@/db/client';
import type { StaffActor } from '@/lib/domain/permissions';
import { recordAudit, type AuditOrigin } from '../audit/record';
import { getOutboxMail } from '../queries/outbox';

/**
 * An admin opens one outbox mail. Its private links are already masked; a view of a mail that carried one is
 * still recorded (who, when, from where, which mail), before the body is shown.
 */
export async function viewOutboxMail(db: Db, admin: StaffActor, id: number, origin: AuditOrigin) {
  const mail = await getOutboxMail(db, id);
  if (mail && mail.hiddenLinks > 0) {
    await recordAudit(db, {
      actor: { kind: 'staff', id: admin.id },
      action: 'outbox.mail_viewed',
      object: { type: 'outbound_email', id: mail.id },
      after: { kind: mail.kind, hiddenLinks: mail.hiddenLinks },
      origin,
    });
  }
  return mail;
}
