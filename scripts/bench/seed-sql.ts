/**
 * The set-based SQL that loads the bench data set. Every ticket's story is decided once, in `_bench_plan`
 * (an unlogged scratch table); tickets, messages, events, ratings and tags are all derived from it, so the
 * metric facts on each ticket agree with its messages and events (METRICS.md).
 *
 * A story: the customer's opening message, then P public messages alternating agent/customer (customer only
 * for `new` tickets), with I internal notes between them. Public message p (p ≥ 1) is at
 * created_at + frt + (p − 1) × gap (see `_bench_t`); a solved ticket is solved by its last agent reply, a
 * reopened one first by its first reply (the customer's next message reopens it). Solved tickets close 4 days
 * after their last public message, as the auto-close job does.
 */
import { AGENT_REPLIES, CUSTOMER_REPLIES, NOTES, OPENINGS, SUBJECTS } from './seed-text';

export interface PlanParams {
  tickets: number;
  customerMin: number;
  customerCount: number;
  /** Ordered by team: 10 per team, in the order of `teamIds`. */
  agentIds: number[];
  teamIds: number[];
  tagKeys: string[];
  now: Date;
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
export const textArray = (list: readonly string[]) => `ARRAY[${list.map(lit).join(', ')}]::text[]`;
const intArray = (list: readonly number[]) => `ARRAY[${list.map((n) => String(Math.trunc(n))).join(', ')}]::int[]`;
const ts = (d: Date) => `timestamptz ${lit(d.toISOString())}`;

/** The time of public message p: p = 0 is the opening, at created_at. Inlined by the planner. */
export const functionsSql = `
create or replace function _bench_t(c timestamptz, frt float8, gap float8, p int) returns timestamptz
language sql stable as $$
  select case when p = 0 then c else date_trunc('milliseconds', c + (frt + (p - 1) * gap) * interval '1 second') end
$$;
-- Business seconds since a Monday in 2000 under the default calendar (Mon–Fri 09:00–17:00 UTC).
create or replace function _bench_biz_l(l timestamp) returns float8 language sql immutable as $$
  select floor(date_part('epoch', date_trunc('week', l) - timestamp '2000-01-03') / 604800) * 144000
       + least(floor(date_part('epoch', l - date_trunc('week', l)) / 86400), 5) * 28800
       + case when floor(date_part('epoch', l - date_trunc('week', l)) / 86400) < 5
              then greatest(0, least(28800, date_part('epoch', l - date_trunc('day', l)) - 32400)) else 0 end
$$;
create or replace function _bench_biz(t timestamptz) returns float8 language sql immutable as $$
  select _bench_biz_l(t at time zone 'UTC')
$$;`;

export function planSql(p: PlanParams): string {
  const NOW = ts(p.now);
  const start = ts(new Date(p.now.getTime() - 365 * 86_400_000));
  const step = (365 * 86_400) / p.tickets;
  return `
create unlogged table _bench_plan with (autovacuum_enabled = off) as
with b as (
  select g as id,
    date_trunc('milliseconds', ${start} + ((g - 1) + random()) * ${step} * interval '1 second') as created_at,
    random() r_cat, random() r_reopen, random() r_p, random() r_i, random() r_i2, random() r_ch, random() r_pri,
    random() r_js, random() r_tp, random() r_agent, random() r_cust, random() r_frt, random() r_gap,
    random() r_csat, random() r_score, random() r_csat_at, random() r_new, random() r_close, random() r_tag
  from generate_series(1, ${p.tickets}) g offset 0
), c as (
  select b.*,
    case when created_at > ${NOW} - interval '3 days' and r_new < 0.4 then 'new'
         when r_cat < 0.70 then 'solved' when r_cat < 0.82 then 'open' when r_cat < 0.95 then 'pending' else 'on_hold' end as cat,
    case when r_pri < 0.15 then 'low' when r_pri < 0.75 then 'normal' when r_pri < 0.95 then 'high' else 'urgent' end as priority,
    case when r_ch < 0.35 then 'email' when r_ch < 0.60 then 'portal' when r_ch < 0.75 then 'chat'
         when r_ch < 0.87 then 'phone' when r_ch < 0.92 then 'social' else 'api' end as channel,
    case when r_js < 0.05 then 'awareness' when r_js < 0.13 then 'consideration' when r_js < 0.35 then 'purchase'
         when r_js < 0.50 then 'onboarding' when r_js < 0.87 then 'usage' when r_js < 0.97 then 'renewal' end as journey_stage,
    case when r_tp < 0.20 then 'website' when r_tp < 0.35 then 'mobile_app' when r_tp < 0.40 then 'store'
         when r_tp < 0.52 then 'contact_center' when r_tp < 0.64 then 'email' when r_tp < 0.73 then 'chat'
         when r_tp < 0.78 then 'social' when r_tp < 0.88 then 'delivery' when r_tp < 0.97 then 'billing' end as touchpoint,
    ${p.customerMin} + floor(r_cust * ${p.customerCount})::int as customer_id
  from b offset 0
), d as (
  select c.*,
    (cat = 'solved' and r_reopen < 0.10) as reopened,
    case when cat = 'new' then (case when r_p < 0.6 then 1 else 2 end)
         when cat = 'open' then (case when r_p < 0.5 then 2 when r_p < 0.85 then 4 else 6 end)
         when cat = 'solved' and r_reopen < 0.10 then (case when r_p < 0.7 then 3 else 5 end)
         else (case when r_p < 0.50 then 1 when r_p < 0.82 then 3 when r_p < 0.94 then 5 else 7 end) end as np,
    case when touchpoint = 'billing' then 1 when touchpoint in ('delivery', 'store') then 2 else 0 end as team_idx,
    case priority when 'urgent' then 300 + 5100 * r_frt ^ 2 when 'high' then 900 + 13500 * r_frt ^ 2
                  when 'normal' then 1800 + 52200 * r_frt ^ 2 else 3600 + 169200 * r_frt ^ 2 end as frt0,
    1200 + 106800 * r_gap ^ 2 as gap0
  from c offset 0
), e as (
  select d.*,
    least(7 - np, greatest(0, 2 - np) + (r_i < 0.35)::int + (r_i2 < 0.12)::int) as ni,
    least(1.0, greatest(date_part('epoch', ${NOW} - created_at), 1) * 0.9 / (frt0 + (np - 1) * gap0)) as s
  from d offset 0
), f as (
  select e.*, frt0 * s as frt, gap0 * s as gap from e offset 0
), g as (
  select f.*, _bench_t(created_at, frt, gap, 1) as t1, _bench_t(created_at, frt, gap, np) as tp from f offset 0
), h as (
  select g.*,
    case when cat = 'solved' and tp + interval '4 days' + r_close * interval '1 hour' <= ${NOW}
         then date_trunc('milliseconds', tp + interval '4 days' + r_close * interval '1 hour') end as closed_at,
    case when cat = 'solved' and r_csat < 0.30 and tp + (600 + r_csat_at * 172200) * interval '1 second' < ${NOW}
         then date_trunc('milliseconds', tp + (600 + r_csat_at * 172200) * interval '1 second') end as csat_at
  from g offset 0
)
select id, created_at, cat, reopened, priority, channel, journey_stage, touchpoint, customer_id, np, ni, frt, gap, t1, tp,
  closed_at, csat_at,
  (${intArray(p.teamIds)})[team_idx + 1] as team_id,
  (${intArray(p.agentIds)})[team_idx * 10 + 1 + floor(r_agent * 10)::int] as agent_id,
  case when channel = 'api' then 'api' else 'customer' end as created_by_kind,
  case when cat = 'solved' then (case when closed_at is not null then 'closed' else 'solved' end) else cat end as status,
  case when cat <> 'new' then t1 end as first_response_at,
  case when cat = 'solved' then (case when reopened then t1 else tp end) end as first_solved_at,
  case when cat = 'solved' then tp end as last_solved_at,
  case when reopened then 1 else 0 end as reopen_count,
  case when cat = 'new' then 0 else (np + 1) / 2 end as agent_reply_count,
  case when cat = 'new' then 0 when reopened then 1 else (np + 1) / 2 end as rbfs,
  case when cat = 'new' then 1 + np else 1 + np / 2 end as customer_message_count,
  case when csat_at is null then null when r_score < 0.10 then 1 when r_score < 0.17 then 2 when r_score < 0.27 then 3
       when r_score < 0.50 then 4 else 5 end as csat_score,
  case when cat <> 'new' and r_tag < 0.55 then (${textArray(p.tagKeys)})[1 + floor(r_tag / 0.55 * ${p.tagKeys.length})::int] end as tag_key
from h;
create index on _bench_plan (customer_id, created_at);
analyze _bench_plan;`;
}

/** SLA targets per priority in hours (METRICS.md defaults, calendar time): first response, resolution. */
const slaHours = (target: 0 | 1) =>
  `case p.priority when 'urgent' then ${[1, 8][target]} when 'high' then ${[4, 24][target]} when 'normal' then ${[8, 72][target]} else ${[24, 168][target]} end`;
const due = (target: 0 | 1, fraction = 1) => `p.created_at + ${slaHours(target)} * ${fraction} * interval '1 hour'`;
/** The target the ticket waits on now: first response until answered or solved, then resolution until solved. */
const nextTarget = (fraction: number) => `case when p.first_response_at is null and p.first_solved_at is null then ${due(0, fraction)}
    when p.first_solved_at is null then ${due(1, fraction)} end`;

/** Optional ticket columns added by later migrations: filled only when the column exists (lib/domain/derived-facts). */
export const OPTIONAL_TICKET_COLUMNS: Record<string, string> = {
  first_response_business_seconds:
    'case when p.first_response_at is not null then floor(_bench_biz(p.first_response_at) - _bench_biz(p.created_at))::int end',
  sla_first_response_due_at: due(0),
  sla_resolution_due_at: due(1),
  sla_next_due_at: nextTarget(1),
  sla_next_risk_at: nextTarget(0.75),
};

export function ticketsSql(optionalColumns: string[], recontactWindowDays = 7): string {
  const extraCols = optionalColumns.map((c) => `, ${c}`).join('');
  const extraVals = optionalColumns.map((c) => `, ${OPTIONAL_TICKET_COLUMNS[c]}`).join('');
  return `
insert into tickets (id, public_key, subject, status, priority, channel, created_by_kind, customer_id, assignee_id, team_id,
  journey_stage, touchpoint, created_at, updated_at, last_activity_at, last_public_activity_at, clock_started_at,
  first_response_at, first_solved_at, last_solved_at, reopen_count, agent_reply_count, replies_before_first_solve,
  customer_message_count, recontact_ticket_id, fcr, latest_csat_score, latest_csat_at, version, change_seq${extraCols})
overriding system value
select p.id,
  translate(encode(decode(md5(random()::text || p.id::text), 'hex'), 'base64'), '+/=', '-_'),
  replace((${textArray(SUBJECTS)})[1 + p.id % ${SUBJECTS.length}], '#', '#' || (100000 + (p.id::bigint * 7919) % 900000)::text),
  p.status, p.priority, p.channel, p.created_by_kind, p.customer_id,
  case when p.cat <> 'new' then p.agent_id end, p.team_id, p.journey_stage, p.touchpoint,
  p.created_at,
  greatest(p.tp, p.closed_at, p.csat_at), greatest(p.tp, p.closed_at, p.csat_at), coalesce(p.closed_at, p.tp), p.created_at,
  p.first_response_at, p.first_solved_at, p.last_solved_at, p.reopen_count, p.agent_reply_count, p.rbfs,
  p.customer_message_count, rc.id,
  case when p.first_solved_at is null or p.rbfs = 0 then null else (p.rbfs = 1 and p.reopen_count = 0 and rc.id is null) end,
  p.csat_score, p.csat_at,
  1 + (p.cat in ('pending', 'on_hold'))::int + (p.cat = 'solved')::int + p.reopen_count + (p.closed_at is not null)::int
    + (p.tag_key is not null)::int,
  nextval('ticket_change_seq')${extraVals}
from _bench_plan p
left join lateral (
  select q.id from _bench_plan q
  where q.customer_id = p.customer_id and q.id <> p.id
    and q.created_at > p.first_solved_at and q.created_at <= p.first_solved_at + interval '${recontactWindowDays} days'
  order by q.created_at, q.id limit 1
) rc on true;
select setval(pg_get_serial_sequence('tickets', 'id'), (select max(id) from tickets));`;
}

/** Messages in time order within each ticket: public message pp, then the notes anchored after it. */
export function messagesSql(): string {
  return `
insert into messages (ticket_id, author_kind, author_user_id, author_customer_id, visibility, channel, body, created_at)
select p.id, x.kind,
  case when x.kind = 'agent' then p.agent_id end,
  case when x.kind = 'customer' then p.customer_id end,
  case when x.j > 0 then 'internal' else 'public' end,
  case when x.kind = 'customer' then p.channel end,
  case when x.j > 0 then (${textArray(NOTES)})[1 + (p.id + x.j) % ${NOTES.length}]
       when pp = 0 then (${textArray(OPENINGS)})[1 + p.id % ${OPENINGS.length}]
       when x.kind = 'agent' then (${textArray(AGENT_REPLIES)})[1 + (p.id * 3 + pp) % ${AGENT_REPLIES.length}]
       else (${textArray(CUSTOMER_REPLIES)})[1 + (p.id * 5 + pp) % ${CUSTOMER_REPLIES.length}] end,
  case when x.j = 0 then _bench_t(p.created_at, p.frt, p.gap, pp)
       else date_trunc('milliseconds', p.created_at + ((case when pp = 0 then 0 else p.frt + (pp - 1) * p.gap end)
            + (case when pp = 0 then p.frt else p.gap end) * (0.2 + 0.5 * x.j / (p.ni + 1))) * interval '1 second') end
from _bench_plan p
cross join lateral generate_series(0, p.np) pp
cross join lateral (
  select 0 as j, case when pp = 0 or p.cat = 'new' or pp % 2 = 0 then 'customer' else 'agent' end as kind
  union all
  select j, 'agent' from generate_series(greatest(1, (pp * (p.ni + 1) + p.np - 1) / p.np),
                                         least(p.ni, ((pp + 1) * (p.ni + 1) + p.np - 1) / p.np - 1)) j
) x;`;
}

// Events load with seq 0 and are numbered once at the end (eventSeqSql), in the order the rebuild replays.
const eventCols = 'insert into ticket_events (ticket_id, seq, type, at, actor_kind, actor_user_id, actor_customer_id, data)';

export const createdEventsSql = `${eventCols}
select id, 0, 'created', created_at, created_by_kind, null, customer_id,
  jsonb_build_object('createdByKind', created_by_kind, 'channel', channel, 'priority', priority, 'status', 'new',
    'customerId', customer_id, 'assigneeId', case when cat <> 'new' then agent_id end, 'teamId', team_id,
    'journeyStage', journey_stage, 'touchpoint', touchpoint, 'followUpOfId', null)
from _bench_plan;`;

export const messageEventsSql = `${eventCols}
select m.ticket_id, 0, 'message', m.created_at,
  case when m.author_kind = 'customer' and p.created_by_kind = 'api' and m.created_at = p.created_at then 'api' else m.author_kind end,
  m.author_user_id, m.author_customer_id,
  jsonb_build_object('messageId', m.id, 'authorKind', m.author_kind, 'visibility', m.visibility,
    'opening', m.created_at = p.created_at and m.author_kind = 'customer')
from messages m join _bench_plan p on p.id = m.ticket_id;`;

/** Inserted after the message events, so a "reply and solve" replays message first, then status. */
export const statusEventsSql = `${eventCols}
select id, 0, 'status', at, kind, user_id, null, jsonb_build_object('from', f, 'to', t) from (
  select id, t1 as at, 'agent' as kind, agent_id as user_id, 'open' as f, 'solved' as t, 1 as ord from _bench_plan where reopened
  union all select id, tp, 'agent', agent_id, 'open', 'solved', 2 from _bench_plan where cat = 'solved'
  union all select id, tp, 'agent', agent_id, 'open', cat, 2 from _bench_plan where cat in ('pending', 'on_hold')
  union all select id, closed_at, 'system', null, 'solved', 'closed', 3 from _bench_plan where closed_at is not null
) s order by id, ord;`;

export const csatSql = `
insert into csat_ratings (ticket_id, score, comment, created_at)
select id, csat_score, case when csat_score <= 2 then 'Took too long to sort out.' when csat_score = 5 then 'Quick and friendly, thanks!' else '' end, csat_at
from _bench_plan where csat_at is not null order by id;
${eventCols}
select r.ticket_id, 0, 'csat', r.created_at, 'customer', null, p.customer_id, jsonb_build_object('ratingId', r.id, 'score', r.score)
from csat_ratings r join _bench_plan p on p.id = r.ticket_id;`;

export const tagsSql = `
insert into ticket_tags (ticket_id, tag_key, created_at) select id, tag_key, t1 from _bench_plan where tag_key is not null;
${eventCols}
select id, 0, 'tags', t1, 'agent', agent_id, null, jsonb_build_object('added', jsonb_build_array(tag_key), 'removed', '[]'::jsonb)
from _bench_plan where tag_key is not null;`;

/** Each ticket's events numbered 1, 2, 3 … in time order (the seed's statements are in replay order on ties). */
export const eventSeqSql = `
update ticket_events e set seq = r.seq
from (select id, row_number() over (partition by ticket_id order by at, id)::int as seq from ticket_events) r
where r.id = e.id;`;

export const cleanupSql = 'drop table if exists _bench_plan; drop function if exists _bench_t; drop function if exists _bench_biz; drop function if exists _bench_biz_l;';
