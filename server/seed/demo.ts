/**
 * Demo data: teams, staff, customers and ~300 tickets over the last 60 days.
 *
 * Everything goes through the services with explicit past timestamps, so the metric facts (FRT, FCR,
 * reopens, re-contacts, CSAT, SLA) are exactly what the live app would have recorded. The data is
 * deterministic for a given `now` (a seeded PRNG), so reruns give the same data relative to `now`.
 *
 * The seed first builds a plan (pure, in memory), then writes it ticket by ticket in creation order.
 * Steps after `now` are dropped, which leaves recent tickets mid-flight, as in a real inbox.
 */
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import type { Channel, CreatedByKind, Priority } from '@/lib/domain/ticket-values';
import { ServiceError } from '@/lib/errors';
import { rateTicket } from '@/server/services/csat';
import { findOrCreateCustomer, signUpCustomer } from '@/server/services/customers';
import { createStaffUser, findOrCreateTeam } from '@/server/services/staff';
import { assignTicket, changePriority, changeStatus } from '@/server/services/ticket-fields';
import { addMessage } from '@/server/services/ticket-messages';
import type { EventActor } from '@/server/services/ticket-write';
import { createTicket } from '@/server/services/tickets-create';

export const DEMO_PASSWORD = 'demo1234';

export const DEMO_SIGN_INS: ReadonlyArray<{ role: 'admin' | 'lead' | 'agent' | 'customer'; email: string }> = [
  { role: 'admin', email: 'admin@touchpoint.test' },
  { role: 'lead', email: 'lead@touchpoint.test' },
  { role: 'agent', email: 'agent1@touchpoint.test' },
  { role: 'customer', email: 'customer@touchpoint.test' },
];

export type Random = () => number;

/** mulberry32: a tiny, good-enough seeded PRNG. */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DEMO_SEED = 20260615;

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const AUTO_CLOSE_MS = 4 * DAY;
const CUSTOMER_SPACING_MS = 11 * DAY;

// ---------------------------------------------------------------------------------------------------
// Static data

type TeamName = 'Support' | 'Billing' | 'Logistics';
const TEAMS: TeamName[] = ['Support', 'Billing', 'Logistics'];

const AGENTS: Array<{ email: string; name: string; team: TeamName; speed: number; touch: number; mood: number }> = [
  { email: 'agent1@touchpoint.test', name: 'Priya Natarajan', team: 'Support', speed: 0.7, touch: 0.62, mood: 0.1 },
  { email: 'agent2@touchpoint.test', name: 'Tomás Ferreira', team: 'Support', speed: 1.3, touch: 0.45, mood: 0 },
  { email: 'agent3@touchpoint.test', name: 'Grace Okafor', team: 'Billing', speed: 0.9, touch: 0.55, mood: 0.05 },
  { email: 'agent4@touchpoint.test', name: 'Henrik Lund', team: 'Billing', speed: 1.6, touch: 0.4, mood: -0.15 },
  { email: 'agent5@touchpoint.test', name: 'Mei Chen', team: 'Logistics', speed: 1.0, touch: 0.5, mood: 0 },
  { email: 'agent6@touchpoint.test', name: 'Samir Haddad', team: 'Logistics', speed: 0.8, touch: 0.57, mood: 0.05 },
];

const FIRST_NAMES = [
  'Olivia', 'Liam', 'Amara', 'Noah', 'Sofia', 'Mateo', 'Hannah', 'Yusuf', 'Chloe', 'Kenji', 'Isabel', 'Lucas',
  'Fatima', 'Ethan', 'Zara', 'Daniel', 'Leila', 'Oscar', 'Ingrid', 'Rahul', 'Maya', 'Jonas', 'Aisha', 'Felix',
  'Nina', 'Diego', 'Emily', 'Kwame', 'Rosa', 'Arjun', 'Clara', 'Tobias', 'Mia', 'Santiago', 'Ava', 'Malik',
  'Elena', 'Hugo', 'Sara', 'Wei', 'Julia', 'Omar', 'Lena', 'Patrick', 'Anya', 'Marcus', 'Freya', 'Ibrahim',
];
const LAST_NAMES = [
  'Johnson', 'García', 'Okonkwo', 'Müller', 'Rossi', 'Nguyen', 'Kowalski', 'Andersson', 'Silva', 'Patel', 'Murphy',
  'Tanaka', 'Dubois', 'Hernández', 'Kim', 'Novak', 'Mensah', 'Schmidt', 'Costa', 'Ivanova', 'O’Brien', 'Larsen',
  'Haddad', 'Fischer', 'Moreau', 'Santos', 'Walsh', 'Yilmaz', 'Bianchi', 'Chen', 'Jansen', 'Abara', 'Lindqvist',
  'Reyes', 'Brooks', 'Singh', 'Petrov', 'Ward', 'Ahmed', 'Lopez',
];
const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example.com', 'inbox.example.org'];

const PRODUCTS = [
  'wireless headphones', 'coffee grinder', 'standing desk', 'air purifier', 'running shoes', 'smart thermostat',
  'blender', 'travel backpack', 'robot vacuum', 'office chair', 'electric kettle', 'fitness tracker',
];
const PLANS = ['Plus', 'Family', 'Pro'];
const STORES = ['Riverside', 'Market Street', 'Northgate', 'Harbour Mall', 'Old Town'];

interface Template {
  stage: string;
  touchpoint: string;
  team: TeamName;
  weight: number;
  channel?: Channel;
  /** Only for tickets filed by an integration (created_by_kind 'api'). */
  api?: boolean;
  urgent?: boolean;
  subjects: string[];
  bodies: string[];
  ask: string;
  fixes: string[];
}

const TEMPLATES: Template[] = [
  // awareness
  { stage: 'awareness', touchpoint: 'website', team: 'Support', weight: 3,
    subjects: ['Does the {product} work with Alexa?', 'Question about the {product} specs'],
    bodies: ['Hi, your product page for the {product} doesn’t say whether it works with voice assistants. Does it?', 'The website lists two different weights for the {product}. Which one is right? I need to know before I order.'],
    ask: 'Could you tell me which model you were looking at (the link is fine)?',
    fixes: ['I checked with our product team: the {product} works with Alexa and Google Home through the app. I’ve also asked the web team to add this to the product page.', 'The correct figure is the one in the spec sheet; the other was a typo and has now been fixed on the page.'] },
  { stage: 'awareness', touchpoint: 'social', team: 'Support', weight: 2, channel: 'social',
    subjects: ['Is the Instagram offer real?', 'Saw your ad for 30% off — link doesn’t work'],
    bodies: ['I saw an ad on Instagram with 30% off the {product}, but the link goes to a page that says the offer has ended. Is it still on?', 'Your sponsored post says free delivery this week but the checkout still charges me. Is the ad wrong?'],
    ask: 'Could you send me a screenshot of the ad so I can check which campaign it was?',
    fixes: ['That ad belonged to a campaign that ended on Sunday, sorry for the confusion. I’ve added a 15% code to your account as a thank-you for flagging it.', 'The offer is genuine: the code is applied at the last step of checkout. I’ve sent the code to your email as well.'] },
  { stage: 'awareness', touchpoint: 'store', team: 'Logistics', weight: 1, channel: 'phone',
    subjects: ['Is the {product} in stock at {store}?'],
    bodies: ['Before I drive over: does the {store} store have the {product} in stock? The website shows “limited availability”.'],
    ask: 'Which colour or size are you after?',
    fixes: ['{store} has three in stock right now. I’ve asked the team to hold one for you until Saturday under your name.'] },
  { stage: 'awareness', touchpoint: 'email', team: 'Support', weight: 1, channel: 'email',
    subjects: ['Links in your newsletter are broken'],
    bodies: ['Every link in this week’s newsletter goes to an error page. I wanted to read about the new {product}.'],
    ask: 'Which device and email app did you open the newsletter in?',
    fixes: ['Thanks for telling us. The marketing team has fixed the links, and here is the direct one to the {product} page: https://shop.example.com/new.'] },

  // consideration
  { stage: 'consideration', touchpoint: 'website', team: 'Support', weight: 3,
    subjects: ['Difference between {plan} and Premium membership?', 'Which membership includes free returns?'],
    bodies: ['I’m trying to decide between the {plan} and Premium memberships. The comparison table on the website doesn’t load on my laptop.', 'Do all memberships include free returns, or only the more expensive ones? The FAQ contradicts the pricing page.'],
    ask: 'Could you tell me roughly how often you order, so I can suggest the right plan?',
    fixes: ['Premium adds free next-day delivery and extended warranty; {plan} includes free returns too. I’ve attached the comparison as a PDF while the web team fixes the table.', 'Free returns are included in every membership. The FAQ was out of date and has been corrected.'] },
  { stage: 'consideration', touchpoint: 'chat', team: 'Support', weight: 2, channel: 'chat',
    subjects: ['Do you price match on the {product}?', 'Price match request'],
    bodies: ['Another shop has the {product} for {amount}. Can you match that?', 'I found the same {product} cheaper elsewhere. Do you do price matching online?'],
    ask: 'Could you send me a link to the other offer?',
    fixes: ['We can match that price: I’ve created a one-time code for {amount} on your account, valid for 7 days.', 'I checked the offer; it’s a marketplace seller, so it falls outside our price promise, but I’ve added a 10% welcome code for you.'] },
  { stage: 'consideration', touchpoint: 'contact_center', team: 'Support', weight: 1, channel: 'phone',
    subjects: ['Waited 40 minutes on the phone for a quote', 'Nobody answered my call about business pricing'],
    bodies: ['I called to get a quote for 12 office chairs and waited 40 minutes before giving up. Can someone call me back?', 'I’ve tried to reach your business line three times this week. Can someone get in touch about bulk pricing?'],
    ask: 'What is the best time and number to call you back on?',
    fixes: ['Sorry about the wait. Our business sales team has your details and will call you tomorrow morning; I’ve attached the bulk price list in the meantime.'] },
  { stage: 'consideration', touchpoint: 'store', team: 'Logistics', weight: 1,
    subjects: ['Can I reserve the {product} in store?'],
    bodies: ['Is it possible to reserve the {product} at the {store} store so I can try it before buying?'],
    ask: 'Which day would you like to come in?',
    fixes: ['Done: the {product} is reserved for you at {store} for 48 hours. Just give your name at the counter.'] },

  // purchase
  { stage: 'purchase', touchpoint: 'website', team: 'Billing', weight: 5, urgent: true,
    subjects: ['Checkout fails at the payment step', 'Card declined at checkout but bank says it’s fine', 'Can’t place my order'],
    bodies: ['Every time I try to pay for the {product} I get “Something went wrong” at the payment step. I’ve tried two cards.', 'Checkout keeps saying my card was declined, but my bank says there is no block on it. The basket total is {amount}.', 'The “Place order” button just spins and nothing happens. I’ve tried Chrome and Safari.'],
    ask: 'Could you tell me the time of your last attempt and the last four digits of the card?',
    fixes: ['There was a problem with one of our payment providers this morning. It’s resolved now, and I can see no charge went through, so you can safely try again.', 'The payment was blocked by our fraud filter because the billing and delivery countries differed. I’ve cleared it; please try once more.'] },
  { stage: 'purchase', touchpoint: 'mobile_app', team: 'Support', weight: 3,
    subjects: ['App crashes when I tap “Place order”', 'Basket empties itself in the app'],
    bodies: ['The app closes every time I tap “Place order”. I’m on Android and the app is up to date.', 'I add things to my basket in the app and when I come back they’re gone. Really frustrating.'],
    ask: 'Which phone model and app version are you using (Settings → About)?',
    fixes: ['This is a known bug in version 5.2 on some Android phones. Version 5.2.1, out today, fixes it; please update and try again.', 'Your basket is tied to your sign-in; you were signed out by the last update. After signing in again your saved basket is back.'] },
  { stage: 'purchase', touchpoint: 'billing', team: 'Billing', weight: 4,
    subjects: ['Charged twice for order #{order}', 'Double payment on my card', 'Two charges of {amount}'],
    bodies: ['I placed order #{order} once but I can see two charges of {amount} on my card.', 'My bank statement shows the same payment twice for one order. Please refund the duplicate.'],
    ask: 'Could you send the last four digits of the card and the dates of both charges?',
    fixes: ['One of the two charges was a pre-authorisation that has now been released. It should disappear from your statement within 3–5 working days.', 'You were right: the payment was taken twice. I’ve refunded {amount}; it will be back on your card within 5 working days.'] },
  { stage: 'purchase', touchpoint: 'billing', team: 'Billing', weight: 2,
    subjects: ['Discount code not applied', 'Voucher WELCOME10 didn’t work'],
    bodies: ['I entered my discount code at checkout and it said “applied”, but the total didn’t change. Order #{order}.', 'The welcome voucher from your email is rejected as invalid.'],
    ask: 'Could you send me the code you used?',
    fixes: ['The code was applied to the wrong line. I’ve refunded the difference of {amount} to your original payment method.', 'The voucher had expired a day early because of a setup mistake on our side. I’ve credited the discount to your order.'] },
  { stage: 'purchase', touchpoint: 'delivery', team: 'Logistics', weight: 7,
    subjects: ['Where is my order #{order}?', 'Order #{order} hasn’t arrived', 'Tracking hasn’t updated for a week'],
    bodies: ['My order #{order} was due on Tuesday and the tracking still says “in transit”. Can you check?', 'I ordered the {product} ten days ago and still nothing. The tracking link doesn’t work.', 'Tracking for order #{order} has said “at local depot” for a week now.'],
    ask: 'Could you confirm the delivery address on the order?',
    fixes: ['The carrier confirms your parcel was held at the depot because of a damaged label. It’s been relabelled and will be delivered tomorrow.', 'Your parcel was lost in transit, I’m sorry. I’ve sent a replacement by express delivery; the new tracking number is in your email.'] },
  { stage: 'purchase', touchpoint: 'delivery', team: 'Logistics', weight: 3,
    subjects: ['Wrong delivery address on order #{order}', 'Can I change my delivery address?'],
    bodies: ['I just noticed order #{order} is going to my old address. Can you change it before it ships?', 'I need to change where my {product} is delivered; I won’t be home this week.'],
    ask: 'What is the new address, including the postcode?',
    fixes: ['I’ve updated the address with the carrier before dispatch. You’ll get a new tracking email tonight.', 'The parcel had already left, so I’ve asked the carrier to redirect it; it will arrive one day later than planned.'] },
  { stage: 'purchase', touchpoint: 'store', team: 'Logistics', weight: 2,
    subjects: ['Click & collect order #{order} not ready', 'Collected my order but one item was missing'],
    bodies: ['I got the “ready to collect” email but at {store} they couldn’t find my order #{order}.', 'I picked up my click & collect order at {store} and the {product} wasn’t in the bag.'],
    ask: 'Could you tell me when you were in the store and who you spoke to?',
    fixes: ['The store had filed your order under the wrong name. It’s now at the collection desk, and I’ve added a voucher for the wasted trip.', 'The {product} was left in the back room. {store} will hold it for you, or we can deliver it free: just reply with what you prefer.'] },

  // onboarding
  { stage: 'onboarding', touchpoint: 'mobile_app', team: 'Support', weight: 4,
    subjects: ['Can’t log in to the app after signing up', 'App says my account doesn’t exist', 'Stuck on the verification screen'],
    bodies: ['I created an account on the website but the app says my email isn’t registered.', 'The app keeps asking me to verify my phone number but the SMS never comes.', 'After signing up I’m stuck on a blank screen in the app.'],
    ask: 'Which phone and app version are you using?',
    fixes: ['Your account was created in our EU region by mistake. I’ve moved it; please sign out and back in.', 'SMS to some networks were delayed yesterday. I’ve verified your number manually, so you can go straight in.'] },
  { stage: 'onboarding', touchpoint: 'website', team: 'Support', weight: 2,
    subjects: ['Verification email never arrived', 'Can’t finish creating my account'],
    bodies: ['I signed up an hour ago and still haven’t received the verification email. I checked spam.', 'The sign-up form says “invalid postcode” for my address, which is definitely right.'],
    ask: 'Which email address did you sign up with?',
    fixes: ['Your email provider was rejecting our messages. I’ve verified your account manually, so you can sign in now.', 'The postcode check didn’t accept the new format for your area; it’s fixed, please try again.'] },
  { stage: 'onboarding', touchpoint: 'email', team: 'Support', weight: 2, channel: 'email',
    subjects: ['Welcome email links go to a 404', 'Setup guide link broken'],
    bodies: ['The “Get started” button in your welcome email goes to a page not found.', 'The setup guide for the {product} linked from my order confirmation doesn’t open.'],
    ask: 'Could you forward me the email so I can see which link it was?',
    fixes: ['Thanks, the link pointed to an old page. Here is the setup guide: https://help.example.com/setup. The email template is fixed for new customers too.'] },
  { stage: 'onboarding', touchpoint: 'delivery', team: 'Logistics', weight: 3,
    subjects: ['Parts missing from the {product} box', 'Screws missing from my {product}'],
    bodies: ['I’m setting up the {product} and the bag of screws is missing. I can’t finish assembling it.', 'The power adapter wasn’t in the box with my {product}.'],
    ask: 'Could you send a photo of what was in the box?',
    fixes: ['I’ve sent the missing parts by express post; they should arrive in 1–2 working days.', 'A new adapter is on its way to you today, no need to send anything back.'] },
  { stage: 'onboarding', touchpoint: 'contact_center', team: 'Support', weight: 1, channel: 'phone',
    subjects: ['Setup call was cancelled without notice'],
    bodies: ['I booked a setup call for my {product} for this morning and nobody called. I took time off work for this.'],
    ask: 'Which times suit you for a new call this week?',
    fixes: ['I’m very sorry. I’ve booked a new call with a senior technician for Thursday at 10:00 and added a credit to your account.'] },

  // usage
  { stage: 'usage', touchpoint: 'mobile_app', team: 'Support', weight: 5,
    subjects: ['App keeps logging me out', 'Notifications stopped working', 'App shows the wrong order history'],
    bodies: ['The app logs me out every time I close it. Started after the last update.', 'I’ve stopped getting delivery notifications from the app, even though they’re switched on.', 'My order history in the app shows orders that aren’t mine.'],
    ask: 'Could you tell me your phone model and whether you use fingerprint sign-in?',
    fixes: ['This was caused by a bug in the last update. Version 5.3 fixes it and is rolling out now; reinstalling gets it straight away.', 'Your notification token had expired. I’ve reset it; please sign out and in once and notifications will come back.'] },
  { stage: 'usage', touchpoint: 'delivery', team: 'Logistics', weight: 5, urgent: true,
    subjects: ['{product} arrived damaged', 'Box crushed, item broken', 'Damaged item in order #{order}'],
    bodies: ['My {product} arrived today with a cracked casing. The box was crushed on one side.', 'The {product} from order #{order} doesn’t turn on and the box looked like it had been dropped.'],
    ask: 'Could you send a photo of the damage and of the box?',
    fixes: ['Thanks for the photos. A replacement is on its way; the courier will collect the damaged one when they deliver it.', 'I’ve issued a full refund of {amount}. You don’t need to return the damaged item.'] },
  { stage: 'usage', touchpoint: 'delivery', team: 'Logistics', weight: 3,
    subjects: ['Received the wrong item in order #{order}', 'This isn’t what I ordered'],
    bodies: ['I ordered the {product} but received a completely different item.', 'Order #{order} contained the wrong colour. I need the black one.'],
    ask: 'Could you send a photo of the label on the item you received?',
    fixes: ['The warehouse mixed up two orders. The right item ships today and the courier will collect the wrong one.'] },
  { stage: 'usage', touchpoint: 'website', team: 'Support', weight: 2,
    subjects: ['Can’t download my invoice', 'Order history page is blank'],
    bodies: ['The “Download invoice” link for order #{order} gives me an error. I need it for my expenses.', 'When I open my order history on the website the page is blank.'],
    ask: 'Which browser are you using?',
    fixes: ['I’ve attached the invoice for order #{order}. The download link is fixed as well.'] },
  { stage: 'usage', touchpoint: 'chat', team: 'Support', weight: 2, channel: 'chat',
    subjects: ['Chat disconnected before my question was answered', 'Chat bot keeps looping'],
    bodies: ['I was in a chat about my {product} and it disconnected after 20 minutes of waiting.', 'The chat assistant keeps sending me back to the start. I just want to talk to a person.'],
    ask: 'What was the question you were trying to get answered?',
    fixes: ['Sorry about that. To answer your question: yes, the {product} is covered by the two-year warranty, and I’ve registered it for you.'] },
  { stage: 'usage', touchpoint: 'store', team: 'Logistics', weight: 2,
    subjects: ['Return refused at {store}', 'Store won’t exchange my {product}'],
    bodies: ['I tried to return the {product} at {store} within 30 days and they refused because I bought it online.', 'The {store} store wouldn’t exchange my {product} without the original box.'],
    ask: 'Could you send me the order number or receipt?',
    fixes: ['Online orders can be returned in any store; the staff at {store} have been reminded. I’ve processed the refund of {amount} from here.'] },
  { stage: 'usage', touchpoint: 'billing', team: 'Billing', weight: 3,
    subjects: ['Refund for order #{order} not received', 'Still waiting for my refund'],
    bodies: ['I returned the {product} three weeks ago and still haven’t had the refund of {amount}.', 'You confirmed my refund on the 3rd but nothing has arrived.'],
    ask: 'Could you send the date you returned the item and how you sent it?',
    fixes: ['The refund was stuck waiting for warehouse confirmation. I’ve pushed it through; you’ll see {amount} within 3 working days.'] },
  { stage: 'usage', touchpoint: 'social', team: 'Support', weight: 1, channel: 'social',
    subjects: ['Complaint via Twitter DM', 'Following up on my Facebook message'],
    bodies: ['I posted about my broken {product} on Twitter and was told to message here. It stopped working after two months.', 'Nobody answered my Facebook message from last week about my {product}.'],
    ask: 'Could you send your order number so I can find the purchase?',
    fixes: ['That’s covered by the warranty. I’ve arranged a replacement and a prepaid label for the faulty one.'] },
  { stage: 'usage', touchpoint: 'contact_center', team: 'Support', weight: 1, channel: 'phone',
    subjects: ['Promised callback never came'],
    bodies: ['An agent promised to call me back yesterday about my {product} and I never heard anything.'],
    ask: 'Is the number on your account still the best one to reach you?',
    fixes: ['I’m sorry nobody called. I’ve looked into it: your {product} repair is approved and the courier collects it on Monday.'] },

  // renewal
  { stage: 'renewal', touchpoint: 'billing', team: 'Billing', weight: 4,
    subjects: ['Membership renewed without a reminder', 'Charged {amount} for a renewal I didn’t expect'],
    bodies: ['My {plan} membership renewed automatically and I didn’t get any reminder email. I’d like a refund.', 'I was charged {amount} for a renewal today. I thought I had turned auto-renew off.'],
    ask: 'Could you confirm the email address on the membership?',
    fixes: ['The reminder failed to send because of a problem on our side. I’ve cancelled the renewal and refunded {amount}.', 'Auto-renew was still on. I’ve switched it off and refunded the charge, as you haven’t used the new period.'] },
  { stage: 'renewal', touchpoint: 'billing', team: 'Billing', weight: 2,
    subjects: ['Cancel my {plan} membership', 'How do I cancel?'],
    bodies: ['Please cancel my {plan} membership at the end of this period.', 'I can’t find where to cancel my membership on the website.'],
    ask: 'Could you tell me why you’re leaving? It helps us improve.',
    fixes: ['Your {plan} membership is cancelled and stays active until the end of the period. You won’t be charged again.'] },
  { stage: 'renewal', touchpoint: 'website', team: 'Billing', weight: 2,
    subjects: ['Can’t change my plan online', 'Downgrade option missing'],
    bodies: ['I want to move from Premium to {plan}, but the website only shows an upgrade button.', 'The plan page shows an error when I try to switch plans.'],
    ask: 'Which plan would you like to move to?',
    fixes: ['I’ve switched you to {plan} from your next billing date, and the price difference is already reflected.'] },
  { stage: 'renewal', touchpoint: 'email', team: 'Billing', weight: 1, channel: 'email',
    subjects: ['Renewal invoice shows the wrong price'],
    bodies: ['The renewal invoice email says {amount} but the advertised {plan} price is lower.'],
    ask: 'Could you forward me the invoice?',
    fixes: ['The invoice used last year’s price by mistake. I’ve corrected it and you’ll be charged the advertised price.'] },
  { stage: 'renewal', touchpoint: 'mobile_app', team: 'Billing', weight: 1,
    subjects: ['Upgrade button in the app does nothing'],
    bodies: ['I tap “Upgrade to {plan}” in the app and nothing happens.'],
    ask: 'Which phone are you using?',
    fixes: ['Upgrades in the app were paused during a maintenance window. I’ve upgraded you to {plan} from here at the same price.'] },

  // filed by integrations (api)
  { stage: 'purchase', touchpoint: 'delivery', team: 'Logistics', weight: 3, api: true,
    subjects: ['[Carrier] Delivery exception for order #{order}', '[Carrier] Address not found for order #{order}'],
    bodies: ['Automated notice from the carrier: delivery of order #{order} failed (recipient not available, parcel returned to depot).', 'Automated notice: the carrier could not find the delivery address for order #{order}.'],
    ask: 'We couldn’t deliver your order. Could you confirm your address and a good day for delivery?',
    fixes: ['The carrier will deliver your order on the day you chose. You’ll get a tracking update the evening before.'] },
  { stage: 'purchase', touchpoint: 'billing', team: 'Billing', weight: 2, api: true,
    subjects: ['[Payments] Payment failed for order #{order}', '[Payments] Chargeback opened on order #{order}'],
    bodies: ['Payment provider reports: the payment of {amount} for order #{order} failed after authorisation.', 'Payment provider reports: a chargeback of {amount} was opened on order #{order}.'],
    ask: 'Your payment for this order didn’t go through. Would you like us to send a new payment link?',
    fixes: ['The payment has now gone through and your order is on its way.'] },
  { stage: 'usage', touchpoint: 'mobile_app', team: 'Support', weight: 1, api: true,
    subjects: ['[App feedback] Crash report from the iOS app', '[App feedback] 1-star review: “keeps freezing”'],
    bodies: ['In-app feedback: “The app freezes on the order tracking screen.” (iOS 17, app 5.2)', 'In-app feedback: “It keeps freezing when I open my basket.”'],
    ask: 'Thanks for the feedback from the app. Does the freeze happen every time, or only sometimes?',
    fixes: ['The freeze is fixed in app version 5.3, out today. Thanks for reporting it.'] },
];

const CUSTOMER_REPLIES = [
  'Sure — the order number is #{order}.',
  'Here you go, photo attached.',
  'I’m on a Pixel 7 with the latest version of the app.',
  'I tried that but it still doesn’t work, sorry.',
  'It was a Visa card ending {last4}.',
  'Any update on this? It’s been a couple of days.',
  'Yes, that’s right. Thanks for looking into it.',
  'I’ve attached a screenshot of the error.',
  'It was yesterday around 6pm.',
  'The address is 14 Station Road — the postcode was wrong on the order.',
];
const REOPEN_MESSAGES = [
  'Sorry, this is happening again.',
  'The refund still hasn’t shown up on my statement.',
  'The replacement arrived but it has the same problem.',
  'I thought this was fixed, but I’m getting the same error today.',
  'Nothing has changed on my side — can you check again?',
];
const NEVER_MIND = [
  'Never mind — I found it in my spam folder. Thanks!',
  'Please ignore this, it sorted itself out.',
  'All good now, my bank released the payment.',
  'Found it, the parcel was with my neighbour. Sorry!',
];
const RECONTACT_LINES = [
  'I was told this was sorted, but it isn’t.',
  'The problem is back.',
  'I still haven’t received what I was promised.',
  'I need to ask about this again, sorry.',
];
const NOTES = [
  'Checked the order in the warehouse system: scanned at the depot, no movement since.',
  'Customer has had two similar issues this quarter; handle with care.',
  'Escalated to the payments provider, reference PAY-{n}.',
  'Known issue with app version 5.2 on Android; engineering ticket APP-{n}.',
  'Offered a 10% goodwill voucher.',
  'Waiting on the carrier investigation (claim {n}).',
  'Duplicate of an earlier request from the same customer.',
];
const STILL_CHECKING = [
  'Thanks for the details. I’m checking this with the {team} specialists and will get back to you as soon as I hear from them.',
  'Thank you, that helps. I need to confirm one thing with our partner first; I’ll update you shortly.',
];
const CSAT_COMMENTS: Record<number, string[]> = {
  5: ['Quick and friendly, thank you!', 'Sorted in one reply. Great service.', 'Really helpful, thanks.', 'Above and beyond!'],
  4: ['Good help, took a bit long.', 'Fine in the end.', 'Helpful, thanks.'],
  3: ['OK, but I had to explain twice.', 'Took longer than expected.'],
  2: ['Slow answers.', 'Had to chase for an update.'],
  1: ['Still not fixed properly.', 'Waited days for a reply.', 'Very disappointing.'],
};

// ---------------------------------------------------------------------------------------------------
// Random helpers

class Rng {
  constructor(readonly next: Random) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    const total = items.reduce((sum, item) => sum + weight(item), 0);
    let r = this.next() * total;
    for (const item of items) {
      r -= weight(item);
      if (r < 0) return item;
    }
    return items[items.length - 1];
  }
}

// ---------------------------------------------------------------------------------------------------
// The plan

interface Agent {
  id: number;
  teamId: number;
  team: TeamName;
  name: string;
  first: string;
  speed: number;
  touch: number;
  mood: number;
}
interface Customer {
  id: number;
  name: string;
  first: string;
  weight: number;
}

type AssignActor = 'lead' | 'self' | 'system';
type Step =
  | { kind: 'assign'; at: number; agent: Agent; by: AssignActor }
  | { kind: 'reply'; at: number; agent: Agent; body: string; setStatus?: 'pending' | 'on_hold' | 'solved' }
  | { kind: 'note'; at: number; agent: Agent; body: string }
  | { kind: 'customer'; at: number; body: string }
  | { kind: 'status'; at: number; status: 'solved' | 'closed' | 'open'; agent: Agent | null }
  | { kind: 'priority'; at: number; priority: Priority; agent: Agent }
  | { kind: 'csat'; at: number; score: number; comment: string }
  | { kind: 'followUp'; at: number; body: string; steps: Step[] };

interface Plan {
  at: number;
  customer: Customer;
  createdByKind: CreatedByKind;
  creator: Agent | null;
  channel: Channel;
  priority: Priority;
  template: Template;
  subject: string;
  body: string;
  steps: Step[];
  firstSolvedAt: number | null;
}

interface World {
  rng: Rng;
  now: number;
  leadId: number;
  agents: Agent[];
  customers: Customer[];
}

const firstName = (name: string) => name.split(' ')[0];

function fill(text: string, vars: Record<string, string>): string {
  const filled = text.replace(/\{(\w+)\}/g, (whole, key: string) => vars[key] ?? whole);
  return filled.charAt(0).toUpperCase() + filled.slice(1);
}

function varsFor(rng: Rng, customer: Customer): Record<string, string> {
  return {
    order: String(rng.int(2104000, 2199999)),
    product: rng.pick(PRODUCTS),
    plan: rng.pick(PLANS),
    amount: `$${rng.int(12, 480)}.${String(rng.int(0, 99)).padStart(2, '0')}`,
    store: rng.pick(STORES),
    last4: String(rng.int(1000, 9999)),
    n: String(rng.int(1000, 9999)),
    first: customer.first,
  };
}

const isWeekend = (d: Date) => d.getUTCDay() === 0 || d.getUTCDay() === 6;

/**
 * When a staff action really happens: the team covers weekdays 07:00–22:00 UTC and, with a smaller
 * rota, weekends 08:00–20:00; anything else waits for the next shift (a few get picked up off hours).
 */
function workTime(rng: Rng, t: number): number {
  const d = new Date(t);
  const hour = d.getUTCHours() + d.getUTCMinutes() / 60;
  const [open, close] = isWeekend(d) ? [8, 20] : [7, 22];
  if (hour >= open && hour < close && (!isWeekend(d) || rng.chance(0.75))) return t;
  if (rng.chance(0.15)) return t;
  const next = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 7, 0));
  if (hour >= 7) next.setUTCDate(next.getUTCDate() + 1);
  if (isWeekend(next)) next.setUTCHours(8);
  return next.getTime() + rng.int(0, 90) * MIN;
}

/** Creation times: weekdays and business hours are busier. */
function sampleCreatedAt(rng: Rng, from: number, to: number): number {
  for (;;) {
    const t = from + rng.next() * (to - from);
    const d = new Date(t);
    const dow = d.getUTCDay();
    const hour = d.getUTCHours();
    let w = dow === 0 || dow === 6 ? 0.35 : 1;
    w *= hour >= 8 && hour < 18 ? 1 : hour >= 6 && hour < 22 ? 0.35 : 0.08;
    if (rng.chance(w)) return t;
  }
}

function pickPriority(rng: Rng, template: Template): Priority {
  const r = rng.next();
  const urgent = template.urgent ? 0.08 : 0.025;
  if (r < urgent) return 'urgent';
  if (r < urgent + 0.14) return 'high';
  if (r < urgent + 0.28) return 'low';
  return 'normal';
}

function pickChannel(rng: Rng, template: Template): Channel {
  if (template.channel && rng.chance(0.65)) return template.channel;
  return rng.weighted<[Channel, number]>(
    [['portal', 38], ['email', 30], ['chat', 14], ['phone', 8], ['social', 10]],
    ([, w]) => w,
  )[0];
}

/** How long the first agent reply takes, before business hours are applied. */
function responseDelay(rng: Rng, priority: Priority, channel: Channel, agent: Agent): number {
  let ms: number;
  if (channel === 'chat') ms = rng.between(2, 25) * MIN;
  else if (priority === 'urgent') ms = rng.between(5, 50) * MIN;
  else if (priority === 'high') ms = rng.between(15, 150) * MIN;
  else if (priority === 'low') ms = rng.between(1, 26) * HOUR;
  else ms = rng.chance(0.07) ? rng.between(5, 12) * HOUR : rng.between(10, 160) * MIN;
  return ms * agent.speed;
}

function agentsOf(world: World, team: TeamName): Agent[] {
  return world.agents.filter((a) => a.team === team);
}

function signOff(agent: Agent): string {
  return `\n\n${agent.first}\n${agent.team} team`;
}

function csatScore(rng: Rng, agent: Agent, rough: boolean): number {
  const good = rough ? 0.6 : 0.88 + agent.mood;
  if (rng.chance(good)) return rng.chance(0.62) ? 5 : 4;
  return rng.weighted<[number, number]>([[3, 4], [2, 3], [1, 3]], ([, w]) => w)[0];
}

function csatComment(rng: Rng, score: number): string {
  return rng.chance(0.35) ? '' : rng.pick(CSAT_COMMENTS[score]);
}

/**
 * Builds one ticket's timeline. `t` moves forward through the steps; steps after `now` are dropped
 * later, at write time, so every ticket is a valid prefix of a full story.
 */
class Timeline {
  readonly steps: Step[] = [];
  firstSolvedAt: number | null = null;
  lastSolvedAt: number | null = null;
  rough = false;
  /** Staff act mostly in business hours; scripted timelines turn this off to stay exact. */
  workHours = true;

  constructor(
    private readonly world: World,
    public t: number,
  ) {}

  private advance(ms: number, work: boolean): number {
    const next = this.t + Math.max(ms, MIN);
    this.t = work && this.workHours ? Math.max(workTime(this.world.rng, next), this.t + MIN) : next;
    return this.t;
  }

  assign(agent: Agent, delayMs: number, by: AssignActor): void {
    this.steps.push({ kind: 'assign', at: this.advance(delayMs, by !== 'system'), agent, by });
  }
  reply(agent: Agent, delayMs: number, body: string, setStatus?: 'pending' | 'on_hold' | 'solved'): void {
    const at = this.advance(delayMs, true);
    this.steps.push({ kind: 'reply', at, agent, body: body + signOff(agent), setStatus });
    if (setStatus === 'solved') this.solved(at);
  }
  note(agent: Agent, delayMs: number, body: string): void {
    this.steps.push({ kind: 'note', at: this.advance(delayMs, true), agent, body });
  }
  customer(delayMs: number, body: string): void {
    const at = this.advance(delayMs, false);
    this.lastSolvedAt = null; // a customer message on a solved ticket reopens it
    this.steps.push({ kind: 'customer', at, body });
  }
  status(status: 'solved' | 'closed', agent: Agent | null, delayMs: number): void {
    const at = this.advance(delayMs, agent !== null);
    this.steps.push({ kind: 'status', at, status, agent });
    if (status === 'solved') this.solved(at);
  }
  priority(agent: Agent, priority: Priority, delayMs: number): void {
    this.steps.push({ kind: 'priority', at: this.advance(delayMs, true), priority, agent });
  }
  csat(delayMs: number, score: number, comment: string): void {
    this.steps.push({ kind: 'csat', at: this.advance(delayMs, false), score, comment });
  }
  private solved(at: number): void {
    this.firstSolvedAt ??= at;
    this.lastSolvedAt = at;
  }
}

interface Story {
  agent: Agent;
  vars: Record<string, string>;
  template: Template;
  priority: Priority;
  channel: Channel;
  /** For a ticket opened by an agent: the clock starts at the customer's first message. */
  agentOpened: boolean;
}

/** Rounds of agent reply ⇄ customer reply until solved or stalled. */
function workUntilSolved(world: World, tl: Timeline, s: Story, firstDelayMs: number): void {
  const { rng } = world;
  const { agent, vars, template } = s;
  let delay = firstDelayMs;
  if (delay > 8 * HOUR) tl.rough = true;
  for (let round = 1; round <= 4; round++) {
    tl.workHours = !(round === 1 && s.priority === 'urgent'); // urgent tickets page the on-call agent
    const solveChance = round === 1 ? agent.touch : round === 2 ? 0.6 : 0.85;
    if (round === 4 || rng.chance(solveChance)) {
      tl.reply(agent, delay, `Hi ${vars.first},\n\n${fill(rng.pick(template.fixes), vars)}`, 'solved');
      return;
    }
    if (round > 1) tl.rough = true;
    const ask = round === 1 ? fill(template.ask, vars) : fill(rng.pick(STILL_CHECKING), { ...vars, team: agent.team });
    const waitOn = agent.team === 'Logistics' && round > 1 && rng.chance(0.3) ? 'on_hold' : rng.chance(0.8) ? 'pending' : undefined;
    tl.reply(agent, delay, `Hi ${vars.first},\n\nThanks for getting in touch. ${ask}`, waitOn);
    tl.workHours = true;
    if (rng.chance(0.4)) {
      // The customer never answers: the agent closes the loop a few days later, or it stays waiting.
      if (rng.chance(0.15)) tl.status('solved', agent, rng.between(3, 5) * DAY);
      return;
    }
    tl.customer(rng.between(0.3, 30) * HOUR, fill(rng.pick(CUSTOMER_REPLIES), vars));
    if (rng.chance(0.1)) return; // stuck: waiting on the agent
    if (rng.chance(0.05) && s.priority !== 'urgent') {
      s.priority = s.priority === 'high' ? 'urgent' : 'high';
      tl.priority(agent, s.priority, rng.between(5, 40) * MIN);
    }
    if (rng.chance(0.12)) tl.note(agent, rng.between(10, 120) * MIN, fill(rng.pick(NOTES), vars));
    delay = rng.between(20, 360) * MIN * agent.speed;
  }
}

/** After the solve: maybe a rating, maybe a reopen (then a second solve and rating), then auto-close. */
function afterSolve(world: World, tl: Timeline, s: Story): void {
  const { rng } = world;
  if (tl.lastSolvedAt === null) return;
  const rated = rng.chance(0.4);
  const reopen = rng.chance(0.1);
  if (reopen) {
    if (rated && rng.chance(0.5)) {
      const unhappy = rng.pick([1, 2, 3]);
      tl.csat(rng.between(10, 180) * MIN, unhappy, csatComment(rng, unhappy));
    }
    tl.customer(rng.between(2, 60) * HOUR, rng.pick(REOPEN_MESSAGES));
    tl.rough = true;
    if (rng.chance(0.3)) tl.note(s.agent, rng.between(10, 90) * MIN, fill(rng.pick(NOTES), s.vars));
    tl.reply(s.agent, rng.between(30, 300) * MIN * s.agent.speed, `Hi ${s.vars.first},\n\nSorry this came back. ${fill(rng.pick(s.template.fixes), s.vars)}`, 'solved');
  }
  const solvedAt = tl.lastSolvedAt!;
  if (rated) {
    const score = csatScore(rng, s.agent, tl.rough);
    tl.csat(rng.between(10, 48 * 60) * MIN, score, csatComment(rng, score));
    if (rng.chance(0.08)) {
      // Changed their mind: only the latest rating counts.
      const second = Math.min(5, score + 1);
      tl.csat(rng.between(1, 20) * HOUR, second, csatComment(rng, second));
    }
  }
  // Auto-close after four days without a public message (the csat steps stay well inside that).
  tl.t = Math.max(tl.t, solvedAt + AUTO_CLOSE_MS);
  tl.status('closed', null, rng.between(5, 90) * MIN);
  if (rng.chance(0.025)) {
    const closedAt = tl.t;
    const at = closedAt + rng.between(1, 10) * DAY;
    const followUp = new Timeline(world, at);
    const agent = rng.pick(agentsOf(world, s.agent.team));
    followUp.assign(agent, rng.between(3, 40) * MIN, 'system');
    followUp.reply(agent, responseDelay(rng, s.priority, s.channel, agent), `Hi ${s.vars.first},\n\n${fill(rng.pick(s.template.fixes), s.vars)}`, 'solved');
    tl.steps.push({ kind: 'followUp', at, body: rng.pick(REOPEN_MESSAGES), steps: followUp.steps });
  }
}

function planTicket(
  world: World,
  at: number,
  customer: Customer,
  kind: CreatedByKind,
  opts: { template?: Template; subject?: string; body?: string; fresh?: boolean } = {},
): Plan {
  const { rng } = world;
  const template =
    opts.template ?? rng.weighted(TEMPLATES.filter((t) => (kind === 'api' ? t.api : !t.api)), (t) => t.weight);
  const vars = varsFor(rng, customer);
  const agent = rng.pick(agentsOf(world, template.team));
  const channel: Channel = kind === 'api' ? 'api' : kind === 'agent' ? rng.pick<Channel>(['phone', 'phone', 'email', 'chat']) : pickChannel(rng, template);
  const priority = pickPriority(rng, template);
  const subject = opts.subject ?? fill(rng.pick(template.subjects), vars);
  let body = opts.body ?? fill(rng.pick(template.bodies), vars);
  if (kind === 'agent') {
    body = `Hi ${customer.first},\n\nThanks for speaking with me today. As discussed, I’ve opened this request so we can keep track of it. ${fill(template.ask, vars)}${signOff(agent)}`;
  }
  const story: Story = { agent, vars, template, priority, channel, agentOpened: kind === 'agent' };
  const tl = new Timeline(world, at);

  if (opts.fresh) {
    if (rng.chance(0.5)) tl.assign(agent, rng.between(1, 5) * MIN, 'system');
  } else if (kind === 'agent') {
    if (rng.chance(0.8)) {
      tl.customer(rng.between(1, 30) * HOUR, fill(rng.pick(CUSTOMER_REPLIES), vars));
      workUntilSolved(world, tl, story, responseDelay(rng, priority, channel, agent));
    } else if (rng.chance(0.6)) {
      tl.status('solved', agent, rng.between(2, 5) * DAY); // nothing heard back: solved without a reply
    }
  } else {
    const by: AssignActor = rng.weighted<[AssignActor, number]>([['system', 40], ['lead', 40], ['self', 20]], ([, w]) => w)[0];
    tl.assign(agent, by === 'system' ? rng.between(1, 4) * MIN : rng.between(5, 50) * MIN, by);
    if (rng.chance(0.15)) tl.note(agent, rng.between(5, 60) * MIN, fill(rng.pick(NOTES), vars));
    if (rng.chance(0.04)) {
      // The customer sorts it out alone; the agent solves the ticket without a public reply.
      tl.customer(rng.between(20, 240) * MIN, rng.pick(NEVER_MIND));
      tl.status('solved', agent, rng.between(30, 180) * MIN);
    } else if (at < world.now - 2 * DAY || rng.chance(0.7)) {
      workUntilSolved(world, tl, story, responseDelay(rng, priority, channel, agent));
    }
  }
  afterSolve(world, tl, story);

  return {
    at,
    customer,
    createdByKind: kind,
    creator: kind === 'agent' ? agent : null,
    channel,
    priority,
    template,
    subject,
    body,
    steps: tl.steps,
    firstSolvedAt: tl.firstSolvedAt,
  };
}

/** Casey's portal shows a closed rated request, a recently solved one to rate, one awaiting her, and a new one. */
function caseyPlans(world: World, casey: Customer): Plan[] {
  const { rng, now } = world;
  const byKey = (stage: string, touchpoint: string) => TEMPLATES.find((t) => t.stage === stage && t.touchpoint === touchpoint && !t.api)!;
  const agent = (team: TeamName) => agentsOf(world, team)[0];
  const plans: Plan[] = [];
  const make = (at: number, template: Template, channel: Channel, build: (tl: Timeline, a: Agent, vars: Record<string, string>) => void) => {
    const vars = varsFor(rng, casey);
    const a = agent(template.team);
    const tl = new Timeline(world, at);
    tl.workHours = false;
    build(tl, a, vars);
    plans.push({
      at, customer: casey, createdByKind: 'customer', creator: null, channel, priority: 'normal', template,
      subject: fill(template.subjects[0], vars), body: fill(template.bodies[0], vars), steps: tl.steps, firstSolvedAt: tl.firstSolvedAt,
    });
  };
  const day = (n: number) => now - n * DAY;
  make(day(24) + 10 * HOUR, byKey('usage', 'delivery'), 'portal', (tl, a, v) => {
    tl.assign(a, 15 * MIN, 'lead');
    tl.reply(a, 70 * MIN, `Hi ${v.first},\n\nSorry to hear that. ${fill(byKey('usage', 'delivery').ask, v)}`, 'pending');
    tl.customer(3 * HOUR, 'Here you go, photo attached.');
    tl.reply(a, 40 * MIN, `Hi ${v.first},\n\n${fill(byKey('usage', 'delivery').fixes[0], v)}`, 'solved');
    tl.csat(5 * HOUR, 5, 'Quick and friendly, thank you!');
    tl.t = tl.lastSolvedAt! + AUTO_CLOSE_MS;
    tl.status('closed', null, 20 * MIN);
  });
  make(day(3), byKey('usage', 'billing'), 'portal', (tl, a, v) => {
    tl.assign(a, 10 * MIN, 'system');
    tl.t = day(1) - 2 * HOUR;
    tl.reply(a, MIN, `Hi ${v.first},\n\n${fill(byKey('usage', 'billing').fixes[0], v)}`, 'solved');
  });
  make(day(2), byKey('onboarding', 'mobile_app'), 'portal', (tl, a, v) => {
    tl.assign(a, 5 * MIN, 'system');
    tl.reply(a, 50 * MIN, `Hi ${v.first},\n\nThanks for getting in touch. ${fill(byKey('onboarding', 'mobile_app').ask, v)}`, 'pending');
  });
  make(now - 3 * HOUR, byKey('usage', 'website'), 'portal', () => {});
  return plans;
}

/** The same customer comes back 1–6 days after a solve, inside the 7-day re-contact window. */
function recontactPlan(world: World, earlier: Plan): Plan | null {
  const { rng, now } = world;
  const at = earlier.firstSolvedAt! + rng.between(1, 6) * DAY;
  if (at > now - 10 * MIN) return null;
  const vars = varsFor(rng, earlier.customer);
  const subject = `${rng.pick(['Again: ', 'Still not sorted: ', 'Re: '])}${earlier.subject}`;
  const body = `I contacted you a few days ago about this. ${rng.pick(RECONTACT_LINES)} ${fill(rng.pick(earlier.template.bodies), vars)}`;
  return planTicket(world, at, earlier.customer, 'customer', { template: earlier.template, subject, body });
}

// ---------------------------------------------------------------------------------------------------
// Writing

async function runSteps(db: Db, world: World, plan: { customer: Customer; channel: Channel }, ticketId: number, steps: Step[]): Promise<number> {
  let created = 0;
  const agentActor = (agent: Agent): EventActor => ({ kind: 'agent', userId: agent.id });
  for (const step of steps) {
    if (step.at > world.now) break; // steps are in time order: the rest is in the future
    const at = new Date(step.at);
    switch (step.kind) {
      case 'assign': {
        const actor: EventActor =
          step.by === 'system' ? { kind: 'system' } : { kind: 'agent', userId: step.by === 'lead' ? world.leadId : step.agent.id };
        await assignTicket(db, { ticketId, assigneeId: step.agent.id, teamId: step.agent.teamId, actor, at });
        break;
      }
      case 'reply':
        await addMessage(db, {
          ticketId, body: step.body, authorKind: 'agent', authorUserId: step.agent.id, visibility: 'public',
          channel: plan.channel, setStatus: step.setStatus, at,
        });
        break;
      case 'note':
        await addMessage(db, { ticketId, body: step.body, authorKind: 'agent', authorUserId: step.agent.id, visibility: 'internal', at });
        break;
      case 'customer':
        await addMessage(db, {
          ticketId, body: step.body, authorKind: 'customer', authorCustomerId: plan.customer.id, visibility: 'public', channel: plan.channel, at,
        });
        break;
      case 'status':
        await changeStatus(db, { ticketId, status: step.status, actor: step.agent ? agentActor(step.agent) : { kind: 'system' }, at });
        break;
      case 'priority':
        await changePriority(db, { ticketId, priority: step.priority, actor: agentActor(step.agent), at });
        break;
      case 'csat':
        await rateTicket(db, { ticketId, customerId: plan.customer.id, score: step.score, comment: step.comment || undefined, at });
        break;
      case 'followUp': {
        const result = await addMessage(db, {
          ticketId, body: step.body, authorKind: 'customer', authorCustomerId: plan.customer.id, visibility: 'public', channel: plan.channel, at,
        });
        if (!result.followUp) throw new Error(`demo seed: ticket ${ticketId} was expected to be closed`);
        created += 1 + (await runSteps(db, world, plan, result.followUp.id, step.steps));
        break;
      }
    }
  }
  return created;
}

async function writePlan(db: Db, world: World, plan: Plan): Promise<number> {
  const ticket = await createTicket(db, {
    subject: plan.subject,
    body: plan.body,
    customerId: plan.customer.id,
    createdByKind: plan.createdByKind,
    createdByUserId: plan.creator?.id ?? null,
    channel: plan.channel,
    priority: plan.priority,
    journeyStage: plan.template.stage,
    touchpoint: plan.template.touchpoint,
    assigneeId: plan.creator?.id ?? null,
    teamId: plan.creator?.teamId ?? null,
    at: new Date(plan.at),
  });
  return 1 + (await runSteps(db, world, plan, ticket.id, plan.steps));
}

function customerIdentities(rng: Rng, count: number): Array<{ name: string; email: string }> {
  const seen = new Set<string>();
  const out: Array<{ name: string; email: string }> = [];
  const ascii = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z]/g, '').toLowerCase();
  while (out.length < count) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const name = `${first} ${last}`;
    const f = ascii(first);
    const l = ascii(last);
    const local = rng.pick([`${f}.${l}`, `${f}${l[0]}`, `${f}_${l}${rng.int(1, 99)}`, `${f[0]}${l}`]);
    const email = `${local}@${rng.pick(EMAIL_DOMAINS)}`;
    if (seen.has(name) || seen.has(email)) continue;
    seen.add(name);
    seen.add(email);
    out.push({ name, email });
  }
  return out;
}

export interface SeedDemoOptions {
  now?: Date;
  /** A PRNG returning [0, 1); defaults to mulberry32 with a fixed seed. */
  random?: Random;
}

/** Writes the demo workspace. Expects an empty database (staff emails are unique). */
export async function seedDemo(db: Db, { now = new Date(), random = mulberry32(DEMO_SEED) }: SeedDemoOptions = {}): Promise<{
  tickets: number;
  customers: number;
}> {
  const rng = new Rng(random);
  const nowMs = now.getTime();

  // The admin first, as the claim: on a shared Postgres, a second booting process fails here and stops.
  try {
    await createStaffUser(db, { email: 'admin@touchpoint.test', name: 'Ada Admin', role: 'admin', password: DEMO_PASSWORD });
  } catch (error) {
    if ((error instanceof ServiceError && error.code === 'conflict') || isUniqueViolation(error)) throw new DemoAlreadySeededError();
    throw error;
  }
  const teamIds = new Map<TeamName, number>();
  for (const name of TEAMS) teamIds.set(name, (await findOrCreateTeam(db, name)).id);
  const { user: lead } = await createStaffUser(db, {
    email: 'lead@touchpoint.test', name: 'Lee Lead', role: 'lead', team: 'Support', password: DEMO_PASSWORD,
  });
  const agents: Agent[] = [];
  for (const a of AGENTS) {
    const { user } = await createStaffUser(db, { email: a.email, name: a.name, role: 'agent', team: a.team, password: DEMO_PASSWORD });
    agents.push({ id: user.id, teamId: teamIds.get(a.team)!, team: a.team, name: a.name, first: firstName(a.name), speed: a.speed, touch: a.touch, mood: a.mood });
  }

  const caseyRow = await signUpCustomer(db, { name: 'Casey Customer', email: 'customer@touchpoint.test', password: DEMO_PASSWORD });
  const casey: Customer = { id: caseyRow.id, name: caseyRow.name, first: 'Casey', weight: 0 };
  const customers: Customer[] = [];
  for (const identity of customerIdentities(rng, 79)) {
    const row = await findOrCreateCustomer(db, identity);
    // A few regulars write more often than most.
    const weight = rng.chance(0.15) ? rng.between(1.5, 2.5) : rng.between(0.5, 1.5);
    customers.push({ id: row.id, name: row.name, first: firstName(row.name), weight });
  }

  const world: World = { rng, now: nowMs, leadId: lead.id, agents, customers };
  const from = nowMs - 60 * DAY;
  const plans: Plan[] = [];
  const ticketTimes = new Map<number, number[]>(customers.map((c) => [c.id, []]));
  for (let i = 0; i < 262; i++) {
    const at = sampleCreatedAt(rng, from, nowMs - 30 * MIN);
    const kind: CreatedByKind = rng.weighted<[CreatedByKind, number]>([['customer', 85], ['api', 5], ['agent', 10]], ([, w]) => w)[0];
    // With only 80 customers, spread each one's tickets out, or nearly every solve would be re-contacted;
    // the deliberate re-contacts come below.
    const spaced = customers.filter((c) => ticketTimes.get(c.id)!.every((t) => Math.abs(t - at) > CUSTOMER_SPACING_MS));
    const customer = rng.weighted(spaced.length > 0 ? spaced : customers, (c) => c.weight);
    ticketTimes.get(customer.id)!.push(at);
    plans.push(planTicket(world, at, customer, kind));
  }
  for (const earlier of [...plans]) {
    if (earlier.firstSolvedAt === null || earlier.createdByKind === 'agent' || !rng.chance(0.1)) continue;
    const later = recontactPlan(world, earlier);
    if (later) plans.push(later);
  }
  for (let i = 0; i < 7; i++) {
    const at = nowMs - rng.between(15, 20 * 60) * MIN;
    plans.push(planTicket(world, at, rng.weighted(customers, (c) => c.weight), 'customer', { fresh: true }));
  }
  plans.push(...caseyPlans(world, casey));
  plans.sort((a, b) => a.at - b.at);

  let tickets = 0;
  for (const plan of plans) tickets += await writePlan(db, world, plan);
  return { tickets, customers: customers.length + 1 };
}

/** The demo admin already exists: someone else seeded (or is seeding) this database. */
export class DemoAlreadySeededError extends Error {
  constructor() {
    super('The demo data is already there (admin@touchpoint.test exists).');
    this.name = 'DemoAlreadySeededError';
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/** Seeds the demo data when no staff user exists yet. Returns whether it seeded. */
export async function seedDemoIfEmpty(db: Db, options: SeedDemoOptions = {}): Promise<boolean> {
  const [anyUser] = await db.select({ id: users.id }).from(users).limit(1);
  if (anyUser) return false;
  try {
    await seedDemo(db, options);
    return true;
  } catch (error) {
    if (error instanceof DemoAlreadySeededError) return false; // another process got there between our check and insert
    throw error;
  }
}
