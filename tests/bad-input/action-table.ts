/**
 * Every exported server action with the fields it reads, their kinds and valid values. The runner
 * (actions.test.ts) sends every bad value of every class to every field, one at a time with the others valid,
 * and fails when an action exported from server/actions is missing here.
 */
import type { FieldKind } from './classes';
import type { Who } from './route-table';
import type { World } from './world';

export interface ActionField {
  kind: FieldKind;
  valid: unknown | ((w: World) => unknown);
  /** Another field that must carry the same value (a password's confirmation), so only this one is wrong. */
  mirror?: string;
}

export interface ActionCase {
  /** `file.ts exportName`, as server/actions names it. */
  action: string;
  variant?: string;
  as: Who;
  fields: Record<string, ActionField>;
  /** `form` (default): a FormData of the fields; `object`: the fields as a plain object. */
  input?: 'form' | 'object';
  /** Builds the form fields from the values, when they are not sent one to one. */
  shape?: (values: Record<string, unknown>) => Record<string, unknown>;
}

export interface ActionGap {
  action: string;
  why: string;
}

const ticket = { kind: 'id', valid: (w: World) => w.ticketId } satisfies ActionField;
const otherTicket = { kind: 'id', valid: (w: World) => w.ticketId + 1 } satisfies ActionField;

const slaFields: Record<string, ActionField> = Object.fromEntries(
  ['urgent', 'high', 'normal', 'low'].flatMap((p) =>
    ['fr', 'res'].flatMap((t) => [
      [`${p}_${t}_minutes`, { kind: 'number', valid: '60' }],
      [`${p}_${t}_mode`, { kind: 'choice', valid: 'business' }],
    ]),
  ),
);

/** saveViewAction sends the inbox URL's parameters as one JSON field: `params.q` is the `q` inside it. */
const asSavedView = (values: Record<string, unknown>) => {
  const params: Record<string, unknown> = {};
  const form: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    if (name.startsWith('params.')) params[name.slice('params.'.length)] = value;
    else form[name] = value;
  }
  return { ...form, params: JSON.stringify(params) };
};

export const ACTION_CASES: ActionCase[] = [
  {
    action: 'account.ts changePasswordAction',
    as: 'admin',
    fields: {
      currentPassword: { kind: 'multiline', valid: 'password123' },
      password: { kind: 'multiline', valid: 'correct-horse-9', mirror: 'confirm' },
      confirm: { kind: 'multiline', valid: 'correct-horse-9', mirror: 'password' },
    },
  },
  { action: 'account.ts revokeStaffSessionsAction', as: 'admin', fields: { userId: { kind: 'id', valid: (w: World) => w.admin.id } } },
  { action: 'availability.ts setAvailabilityAction', as: 'admin', fields: { available: { kind: 'choice', valid: 'true' } } },
  {
    action: 'inbox.ts bulkEditAction',
    as: 'admin',
    fields: { ids: ticket, action: { kind: 'choice', valid: 'status' }, value: { kind: 'choice', valid: 'pending' } },
  },
  {
    action: 'inbox.ts bulkEditAction',
    variant: 'assign to an agent id',
    as: 'admin',
    fields: { ids: ticket, action: { kind: 'choice', valid: 'assign' }, value: { kind: 'id', valid: (w: World) => w.admin.id } },
  },
  { action: 'inbox.ts assignToMeAction', as: 'admin', fields: { ids: ticket } },
  {
    action: 'inbox.ts saveViewAction',
    as: 'admin',
    shape: asSavedView,
    fields: {
      name: { kind: 'line', valid: 'Late parcels' },
      shared: { kind: 'choice', valid: 'on' },
      'params.q': { kind: 'line', valid: 'parcel' },
      'params.customer': { kind: 'id', valid: (w: World) => String(w.customer.id) },
      'params.assignee': { kind: 'id', valid: (w: World) => String(w.admin.id) },
      'params.journey_stage': { kind: 'choice', valid: 'purchase' },
    },
  },
  { action: 'inbox.ts deleteViewAction', as: 'admin', fields: { id: { kind: 'id', valid: (w: World) => w.savedViewId } } },
  {
    action: 'macros.ts saveMacroAction',
    as: 'admin',
    fields: {
      macroId: { kind: 'id', valid: (w: World) => w.macroId },
      name: { kind: 'line', valid: 'Refund sent' },
      body: { kind: 'multiline', valid: 'Hi,\n\tyour refund is on its way.' },
      shared: { kind: 'choice', valid: 'on' },
      status: { kind: 'choice', valid: 'pending' },
      addTags: { kind: 'choice', valid: 'wait_time' },
      journeyStage: { kind: 'choice', valid: 'purchase' },
    },
  },
  { action: 'macros.ts deleteMacroAction', as: 'admin', fields: { macroId: { kind: 'id', valid: (w: World) => w.macroId } } },
  { action: 'merge.ts previewMergeTargetAction', as: 'admin', fields: { ticketId: ticket, targetId: otherTicket } },
  { action: 'merge.ts mergeTicketAction', as: 'admin', fields: { ticketId: ticket, targetId: otherTicket } },
  { action: 'merge.ts linkTicketAction', as: 'admin', fields: { ticketId: ticket, otherId: otherTicket } },
  { action: 'merge.ts unlinkTicketAction', as: 'admin', fields: { ticketId: ticket, otherId: otherTicket } },
  {
    action: 'portal-account.ts signUpAction',
    as: 'guest',
    fields: { name: { kind: 'line', valid: 'Sam Signup' }, email: { kind: 'choice', valid: 'sam@example.com' }, password: { kind: 'multiline', valid: 'correct-horse-2' } },
  },
  { action: 'portal-account.ts requestResetAction', as: 'guest', fields: { email: { kind: 'choice', valid: 'cleo@example.com' } } },
  {
    action: 'portal-account.ts resetPasswordAction',
    as: 'guest',
    fields: {
      token: { kind: 'choice', valid: (w: World) => w.resetToken },
      password: { kind: 'multiline', valid: 'correct-horse-3', mirror: 'confirm' },
      confirm: { kind: 'multiline', valid: 'correct-horse-3', mirror: 'password' },
    },
  },
  { action: 'portal-account.ts verifyEmailAction', as: 'customer', fields: { token: { kind: 'choice', valid: (w: World) => w.verifyToken } } },
  {
    action: 'portal.ts submitRequestAction',
    as: 'customer',
    fields: {
      subject: { kind: 'line', valid: 'Parcel arrived broken' },
      body: { kind: 'multiline', valid: 'The box was crushed.\nPhotos to follow.' },
      journeyStage: { kind: 'choice', valid: 'purchase' },
      touchpoint: { kind: 'choice', valid: 'delivery' },
      reference: { kind: 'line', valid: 'ORDER-1234' },
    },
  },
  {
    action: 'portal.ts submitRequestAction',
    variant: 'as a guest',
    as: 'guest',
    fields: {
      email: { kind: 'choice', valid: 'guest@example.com' },
      name: { kind: 'line', valid: 'Gus Guest' },
      subject: { kind: 'line', valid: 'Parcel arrived broken' },
      body: { kind: 'multiline', valid: 'The box was crushed.' },
    },
  },
  {
    action: 'portal.ts portalReplyAction',
    as: 'customer',
    fields: { ticketKey: { kind: 'choice', valid: (w: World) => w.publicKey }, body: { kind: 'multiline', valid: 'Any news?\nThanks.' } },
  },
  {
    action: 'portal.ts guestReplyAction',
    as: 'guest',
    fields: { token: { kind: 'choice', valid: (w: World) => w.guestToken }, body: { kind: 'multiline', valid: 'Any news?' } },
  },
  {
    action: 'portal.ts rateRequestAction',
    as: 'customer',
    fields: {
      ticketKey: { kind: 'choice', valid: (w: World) => w.publicKey },
      score: { kind: 'number', valid: '4' },
      comment: { kind: 'multiline', valid: 'Quick.\nThanks!' },
    },
  },
  {
    action: 'portal.ts rateRequestAction',
    variant: 'by the mailed link',
    as: 'guest',
    fields: { ratingToken: { kind: 'choice', valid: (w: World) => w.ratingToken }, score: { kind: 'number', valid: '5' } },
  },
  {
    action: 'portal.ts rateRequestAction',
    variant: 'by the guest link',
    as: 'guest',
    fields: { guestToken: { kind: 'choice', valid: (w: World) => w.guestToken }, score: { kind: 'number', valid: '5' } },
  },
  {
    action: 'settings.ts saveGeneralSettingsAction',
    as: 'admin',
    fields: {
      timeZone: { kind: 'choice', valid: 'Europe/Paris' },
      recontactWindowDays: { kind: 'number', valid: '7' },
      autoCloseDays: { kind: 'number', valid: '4' },
    },
  },
  {
    action: 'settings.ts saveBusinessHoursAction',
    as: 'admin',
    fields: {
      open_mon: { kind: 'choice', valid: 'on' },
      start_mon: { kind: 'choice', valid: '09:00' },
      end_mon: { kind: 'choice', valid: '17:00' },
      holidays: { kind: 'multiline', valid: '2026-12-25\n2026-12-26' },
    },
  },
  { action: 'settings.ts saveSlaPolicyAction', as: 'admin', fields: slaFields },
  {
    action: 'settings.ts createApiTokenAction',
    as: 'admin',
    fields: { email: { kind: 'choice', valid: 'admin@touchpoint.test' }, name: { kind: 'line', valid: 'Nightly export' } },
  },
  { action: 'settings.ts revokeApiTokenAction', as: 'admin', fields: { id: { kind: 'id', valid: (w: World) => w.apiTokenId } } },
  {
    action: 'settings.ts setTeamAutoAssignAction',
    as: 'admin',
    fields: { teamId: { kind: 'id', valid: (w: World) => w.teamId }, autoAssign: { kind: 'choice', valid: 'true' } },
  },
  {
    action: 'taxonomy.ts addTaxonomyEntryAction',
    as: 'admin',
    fields: {
      kind: { kind: 'choice', valid: 'tag' },
      key: { kind: 'choice', valid: 'late_delivery' },
      label: { kind: 'line', valid: 'Late delivery' },
      description: { kind: 'multiline', valid: 'The parcel came after the promised day.\nOr never.' },
      portalLabel: { kind: 'line', valid: 'It came late' },
      group: { kind: 'choice', valid: 'pain_point' },
    },
  },
  {
    action: 'taxonomy.ts updateTaxonomyEntryAction',
    as: 'admin',
    fields: {
      kind: { kind: 'choice', valid: 'touchpoint' },
      key: { kind: 'choice', valid: 'website' },
      label: { kind: 'line', valid: 'Web site' },
      description: { kind: 'multiline', valid: 'Our shop on the web.' },
      portalLabel: { kind: 'line', valid: 'On the web site' },
    },
  },
  {
    action: 'taxonomy.ts moveTaxonomyEntryAction',
    as: 'admin',
    fields: { kind: { kind: 'choice', valid: 'touchpoint' }, key: { kind: 'choice', valid: 'website' }, direction: { kind: 'choice', valid: 'down' } },
  },
  {
    action: 'taxonomy.ts retireTaxonomyEntryAction',
    as: 'admin',
    fields: { kind: { kind: 'choice', valid: 'touchpoint' }, key: { kind: 'choice', valid: 'website' }, retired: { kind: 'choice', valid: 'true' } },
  },
  {
    action: 'tickets.ts agentMessageAction',
    as: 'admin',
    fields: {
      ticketId: ticket,
      body: { kind: 'multiline', valid: 'Looking into it.\nBack soon.' },
      visibility: { kind: 'choice', valid: 'internal' },
      status: { kind: 'choice', valid: 'pending' },
      macroId: { kind: 'id', valid: (w: World) => w.macroId },
    },
  },
  {
    action: 'tickets.ts editTicketAction',
    as: 'admin',
    input: 'object',
    fields: {
      ticketId: ticket,
      version: { kind: 'number', valid: 1 },
      status: { kind: 'choice', valid: 'pending' },
      priority: { kind: 'choice', valid: 'high' },
      assignee_id: { kind: 'id', valid: (w: World) => w.admin.id },
      team_id: { kind: 'id', valid: (w: World) => w.teamId },
      journey_stage: { kind: 'choice', valid: 'purchase' },
      touchpoint: { kind: 'choice', valid: 'delivery' },
      'tags.0': { kind: 'choice', valid: 'wait_time' },
    },
  },
];

export const ACTION_GAPS: ActionGap[] = [
  { action: 'portal-account.ts resendVerificationAction', why: 'takes no input: it resends to the signed-in customer' },
  { action: 'account.ts signOutEverywhereAction', why: 'takes no input: it ends the signed-in person\'s own sessions' },
];
