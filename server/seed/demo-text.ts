/**
 * Static data for the demo seed (see demo.ts): teams and agents, customer names, and the ticket
 * templates and canned messages the plan draws from.
 */
import type { Channel } from '@/lib/domain/ticket-values';

// ---------------------------------------------------------------------------------------------------
// Static data

export type TeamName = 'Support' | 'Billing' | 'Logistics';
export const TEAMS: TeamName[] = ['Support', 'Billing', 'Logistics'];

export const AGENTS: Array<{ email: string; name: string; team: TeamName; speed: number; touch: number; mood: number }> = [
  { email: 'agent1@touchpoint.test', name: 'Priya Natarajan', team: 'Support', speed: 0.7, touch: 0.62, mood: 0.1 },
  { email: 'agent2@touchpoint.test', name: 'Tomás Ferreira', team: 'Support', speed: 1.3, touch: 0.45, mood: 0 },
  { email: 'agent3@touchpoint.test', name: 'Grace Okafor', team: 'Billing', speed: 0.9, touch: 0.55, mood: 0.05 },
  { email: 'agent4@touchpoint.test', name: 'Henrik Lund', team: 'Billing', speed: 1.6, touch: 0.4, mood: -0.15 },
  { email: 'agent5@touchpoint.test', name: 'Mei Chen', team: 'Logistics', speed: 1.0, touch: 0.5, mood: 0 },
  { email: 'agent6@touchpoint.test', name: 'Samir Haddad', team: 'Logistics', speed: 0.8, touch: 0.57, mood: 0.05 },
];

export const FIRST_NAMES = [
  'Olivia', 'Liam', 'Amara', 'Noah', 'Sofia', 'Mateo', 'Hannah', 'Yusuf', 'Chloe', 'Kenji', 'Isabel', 'Lucas',
  'Fatima', 'Ethan', 'Zara', 'Daniel', 'Leila', 'Oscar', 'Ingrid', 'Rahul', 'Maya', 'Jonas', 'Aisha', 'Felix',
  'Nina', 'Diego', 'Emily', 'Kwame', 'Rosa', 'Arjun', 'Clara', 'Tobias', 'Mia', 'Santiago', 'Ava', 'Malik',
  'Elena', 'Hugo', 'Sara', 'Wei', 'Julia', 'Omar', 'Lena', 'Patrick', 'Anya', 'Marcus', 'Freya', 'Ibrahim',
];
export const LAST_NAMES = [
  'Johnson', 'García', 'Okonkwo', 'Müller', 'Rossi', 'Nguyen', 'Kowalski', 'Andersson', 'Silva', 'Patel', 'Murphy',
  'Tanaka', 'Dubois', 'Hernández', 'Kim', 'Novak', 'Mensah', 'Schmidt', 'Costa', 'Ivanova', 'O’Brien', 'Larsen',
  'Haddad', 'Fischer', 'Moreau', 'Santos', 'Walsh', 'Yilmaz', 'Bianchi', 'Chen', 'Jansen', 'Abara', 'Lindqvist',
  'Reyes', 'Brooks', 'Singh', 'Petrov', 'Ward', 'Ahmed', 'Lopez',
];
export const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example.com', 'inbox.example.org'];

export const PRODUCTS = [
  'wireless headphones', 'coffee grinder', 'standing desk', 'air purifier', 'running shoes', 'smart thermostat',
  'blender', 'travel backpack', 'robot vacuum', 'office chair', 'electric kettle', 'fitness tracker',
];
export const PLANS = ['Plus', 'Family', 'Pro'];
export const STORES = ['Riverside', 'Market Street', 'Northgate', 'Harbour Mall', 'Old Town'];

export interface Template {
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

export const TEMPLATES: Template[] = [
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

export const CUSTOMER_REPLIES = [
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
export const REOPEN_MESSAGES = [
  'Sorry, this is happening again.',
  'The refund still hasn’t shown up on my statement.',
  'The replacement arrived but it has the same problem.',
  'I thought this was fixed, but I’m getting the same error today.',
  'Nothing has changed on my side — can you check again?',
];
export const NEVER_MIND = [
  'Never mind — I found it in my spam folder. Thanks!',
  'Please ignore this, it sorted itself out.',
  'All good now, my bank released the payment.',
  'Found it, the parcel was with my neighbour. Sorry!',
];
export const RECONTACT_LINES = [
  'I was told this was sorted, but it isn’t.',
  'The problem is back.',
  'I still haven’t received what I was promised.',
  'I need to ask about this again, sorry.',
];
export const NOTES = [
  'Checked the order in the warehouse system: scanned at the depot, no movement since.',
  'Customer has had two similar issues this quarter; handle with care.',
  'Escalated to the payments provider, reference PAY-{n}.',
  'Known issue with app version 5.2 on Android; engineering ticket APP-{n}.',
  'Offered a 10% goodwill voucher.',
  'Waiting on the carrier investigation (claim {n}).',
  'Duplicate of an earlier request from the same customer.',
];
export const STILL_CHECKING = [
  'Thanks for the details. I’m checking this with the {team} specialists and will get back to you as soon as I hear from them.',
  'Thank you, that helps. I need to confirm one thing with our partner first; I’ll update you shortly.',
];
export const CSAT_COMMENTS: Record<number, string[]> = {
  5: ['Quick and friendly, thank you!', 'Sorted in one reply. Great service.', 'Really helpful, thanks.', 'Above and beyond!'],
  4: ['Good help, took a bit long.', 'Fine in the end.', 'Helpful, thanks.'],
  3: ['OK, but I had to explain twice.', 'Took longer than expected.'],
  2: ['Slow answers.', 'Had to chase for an update.'],
  1: ['Still not fixed properly.', 'Waited days for a reply.', 'Very disappointing.'],
};
