/** Word lists for the bench data set, inlined into the seed SQL as text arrays. */

export const FIRST_NAMES = [
  'Ada', 'Ben', 'Chloe', 'Dev', 'Elena', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kira', 'Luca', 'Maya', 'Nils',
  'Olivia', 'Pavel', 'Quinn', 'Rosa', 'Sami', 'Tara', 'Umar', 'Vera', 'Wen', 'Xavier', 'Yara', 'Zoe', 'Amir', 'Bea',
  'Carlos', 'Dana', 'Emil', 'Fatima', 'Georg', 'Hana', 'Ivan', 'Julia', 'Kenji', 'Lena', 'Marco', 'Nora',
];

export const LAST_NAMES = [
  'Adams', 'Berg', 'Costa', 'Dubois', 'Evans', 'Fischer', 'Garcia', 'Hansen', 'Ito', 'Jensen', 'Kowalski', 'Larsen',
  'Moreau', 'Novak', 'Okafor', 'Petrov', 'Quist', 'Rossi', 'Schmidt', 'Tanaka', 'Ueda', 'Varga', 'Weber', 'Xu',
  'Yilmaz', 'Zhang', 'Almeida', 'Brown', 'Chen', 'Diaz', 'Eriksen', 'Ferrari', 'Gomez', 'Horvat', 'Iqbal', 'Jovanovic',
  'Kim', 'Lopez', 'Meyer', 'Nowak',
];

export const TEAMS = ['Support', 'Billing', 'Logistics'] as const;

/** `#` is replaced by an order or invoice number. */
export const SUBJECTS = [
  'Order # has not arrived',
  'Charged twice for order #',
  'Wrong size delivered (order #)',
  'Cannot log in to the app',
  'Refund for order # still pending',
  'Question about my invoice #',
  'Damaged item in parcel #',
  'How do I change my delivery address?',
  'App crashes when I open my basket',
  'Cancel my subscription',
  'Discount code does not work',
  'Which plan includes priority support?',
  'Tracking link for # shows nothing',
  'Store staff could not find my reservation #',
  'Payment declined but money taken',
  'Setting up my account for the first time',
  'Product stopped working after a week',
  'Upgrade to the annual plan',
  'Missing item from order #',
  'Password reset email never arrives',
  'Delivery left at the wrong address (#)',
  'Price on the website differs from the store',
  'Renewal reminder came too late',
  'Wait time on the phone line is too long',
];

export const OPENINGS = [
  'Hello, I placed an order last week and it still has not arrived. The tracking page has not changed in four days. Can you tell me where it is?',
  'Hi, I was charged twice for the same order this morning. Please refund the duplicate payment as soon as possible.',
  'Hello, the item I received is not the one I ordered. I would like to exchange it. What do I need to do?',
  'Hi team, the app keeps logging me out and now I cannot sign in at all, even after resetting my password.',
  'Good morning, I returned my order two weeks ago and I am still waiting for the refund. Could you check?',
  'Hi, I do not understand one of the lines on my latest invoice. Could someone explain what it is for?',
  'Hello, my parcel arrived today but the box was crushed and the product inside is broken.',
  'Hi, I am moving next month. How can I change the delivery address for my upcoming orders?',
];

export const CUSTOMER_REPLIES = [
  'Thanks for the quick answer. I tried that but it still does not work. Anything else I can try?',
  'Here is the order number and a photo of the label, as you asked.',
  'I checked again this morning and nothing has changed yet.',
  'That makes sense, but I was told something different on the phone yesterday.',
  'Sorry for the late reply, I was away. Yes, the address is still the same.',
  'Thank you. Could you also confirm when I will get the confirmation email?',
  'It happened again today, this time on my laptop as well.',
  'OK, I will wait then. Please let me know as soon as you hear anything.',
];

export const AGENT_REPLIES = [
  'Thanks for getting in touch. I have looked into this and found the problem on our side. It is fixed now and you should see the change within the hour.',
  'Sorry about the trouble. I have issued a refund for the duplicate payment; it will appear on your statement in 3 to 5 working days.',
  'Thanks for the details. Could you send the order number and a photo of the shipping label so I can check with the carrier?',
  'I have arranged a replacement, which ships today. You do not need to return the damaged item.',
  'I have reset your account on our side. Please sign out everywhere and sign in again with the link I just sent.',
  'The line on your invoice is the delivery fee for the express option. I have removed it as a goodwill gesture.',
  'I have checked with the warehouse: your parcel left yesterday and should reach you tomorrow before noon.',
  'I have updated the address on your account; all future orders will go there.',
];

export const NOTES = [
  'Checked the payment provider: two captures for the same order. Refund requested for the second one.',
  'Carrier says the parcel is stuck at the depot. Escalated to the logistics lead.',
  'Known issue with app version 4.2, engineering ticket already open.',
  'Customer has contacted us three times this month; handle with care.',
  'Asked the warehouse for the packing photos before offering a replacement.',
  'Goodwill credit approved by the team lead.',
];
