-- The default taxonomy (DESIGN.md). Admins rename, reorder and retire entries; keys never change once used.
INSERT INTO journey_stages (key, label, description, portal_label, position) VALUES
  ('awareness', 'Awareness', 'Learning about a product or service', 'Finding out about us', 0),
  ('consideration', 'Consideration', 'Comparing options or prices', 'Comparing options', 1),
  ('purchase', 'Purchase', 'Buying or placing an order', 'Buying or ordering', 2),
  ('onboarding', 'Onboarding', 'Setting up or getting started', 'Getting started', 3),
  ('usage', 'Usage', 'Using a product or service', 'Using the product', 4),
  ('renewal', 'Renewal', 'Renewing, upgrading or cancelling', 'Renewing or cancelling', 5)
ON CONFLICT (key) DO NOTHING;--> statement-breakpoint
INSERT INTO touchpoints (key, label, description, portal_label, position) VALUES
  ('website', 'Website', '', 'On the website', 0),
  ('mobile_app', 'Mobile app', '', 'In the mobile app', 1),
  ('store', 'Store', '', 'In a store', 2),
  ('contact_center', 'Contact center', '', 'On the phone with us', 3),
  ('email', 'Email', '', 'By email', 4),
  ('chat', 'Chat', '', 'In a chat', 5),
  ('social', 'Social media', '', 'On social media', 6),
  ('delivery', 'Delivery', '', 'With a delivery', 7),
  ('billing', 'Billing', '', 'With a bill or payment', 8)
ON CONFLICT (key) DO NOTHING;--> statement-breakpoint
INSERT INTO cx_tags (key, label, "group", position) VALUES
  ('wait_time', 'Wait time', 'pain_point', 0),
  ('billing_error', 'Billing error', 'pain_point', 1),
  ('wrong_item', 'Wrong item', 'pain_point', 2),
  ('damaged_item', 'Damaged item', 'pain_point', 3),
  ('app_bug', 'App bug', 'pain_point', 4),
  ('unclear_information', 'Unclear information', 'pain_point', 5),
  ('repeat_contact', 'Repeat contact', 'pain_point', 6),
  ('price', 'Price', 'driver', 7),
  ('product_quality', 'Product quality', 'driver', 8),
  ('speed', 'Speed', 'driver', 9),
  ('staff_knowledge', 'Staff knowledge', 'driver', 10),
  ('staff_friendliness', 'Staff friendliness', 'driver', 11),
  ('positive', 'Positive', 'sentiment', 12),
  ('neutral', 'Neutral', 'sentiment', 13),
  ('negative', 'Negative', 'sentiment', 14)
ON CONFLICT (key) DO NOTHING;
