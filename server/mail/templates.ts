/** The mails Touchpoint sends, as plain text: nothing a customer typed is ever rendered as HTML. */
export type MailMessage =
  | { kind: 'request_received'; ticketSubject: string; link: string }
  | { kind: 'guest_link'; ticketSubject: string; link: string }
  | { kind: 'agent_replied'; ticketSubject: string; agentName: string; excerpt: string; link: string }
  | { kind: 'solved'; ticketSubject: string; excerpt?: string; link: string; ratingLink: string }
  | { kind: 'password_reset'; link: string }
  | { kind: 'email_verification'; link: string };

export type MailKind = MailMessage['kind'];

export interface RenderedMail {
  subject: string;
  text: string;
}

const SIGNATURE = '\n\n— Touchpoint Support';
/** Header injection is impossible through nodemailer, but a subject stays one readable line anyway. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 150);
const EXCERPT_LIMIT = 600;
const excerpt = (body: string) => (body.length > EXCERPT_LIMIT ? `${body.slice(0, EXCERPT_LIMIT)}…` : body);

export function renderMail(mail: MailMessage): RenderedMail {
  switch (mail.kind) {
    case 'request_received':
      return {
        subject: `We received your request: ${oneLine(mail.ticketSubject)}`,
        text: `Thanks for contacting us. We have your request "${oneLine(mail.ticketSubject)}" and will reply soon.\n\nFollow it here:\n${mail.link}${SIGNATURE}`,
      };
    case 'guest_link':
      return {
        subject: `Your private link for: ${oneLine(mail.ticketSubject)}`,
        text: `Use this private link to follow your request "${oneLine(mail.ticketSubject)}" and to reply:\n${mail.link}\n\nKeep it to yourself: anyone with the link can read the request. It stops working after 30 days without activity.${SIGNATURE}`,
      };
    case 'agent_replied':
      return {
        subject: `New reply to: ${oneLine(mail.ticketSubject)}`,
        text: `${oneLine(mail.agentName)} replied to your request "${oneLine(mail.ticketSubject)}":\n\n${excerpt(mail.excerpt)}\n\nRead and reply here:\n${mail.link}${SIGNATURE}`,
      };
    case 'solved':
      return {
        subject: `Solved: ${oneLine(mail.ticketSubject)}`,
        text: `${mail.excerpt ? `${excerpt(mail.excerpt)}\n\n` : ''}We have marked your request "${oneLine(mail.ticketSubject)}" as solved. If something is still wrong, just reply:\n${mail.link}\n\nHow did we do? Rate our help from 1 to 5:\n${mail.ratingLink}${SIGNATURE}`,
      };
    case 'password_reset':
      return {
        subject: 'Reset your Touchpoint Support password',
        text: `Someone asked to reset the password for this email address. To choose a new password, open this link within an hour:\n${mail.link}\n\nIf it wasn't you, ignore this mail: your password stays as it is.${SIGNATURE}`,
      };
    case 'email_verification':
      return {
        subject: 'Confirm your email address',
        text: `Confirm that this address is yours, so your account shows every request you have made with it:\n${mail.link}\n\nIf you did not create an account, ignore this mail.${SIGNATURE}`,
      };
  }
}
