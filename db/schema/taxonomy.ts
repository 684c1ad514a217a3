import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Journey stages, touchpoints and CX tags are keyed by a stable key; labels and order are editable. */
const taxonomyColumns = {
  key: text().primaryKey(),
  label: text().notNull(),
  description: text().notNull().default(''),
  position: integer().notNull().default(0),
  retiredAt: timestamp({ withTimezone: true }),
};

export const journeyStages = pgTable('journey_stages', {
  ...taxonomyColumns,
  /** The portal's friendly wording: "What were you trying to do?" */
  portalLabel: text().notNull().default(''),
});

export const touchpoints = pgTable('touchpoints', {
  ...taxonomyColumns,
  /** The portal's friendly wording: "Where did it happen?" */
  portalLabel: text().notNull().default(''),
});

export const cxTags = pgTable('cx_tags', {
  ...taxonomyColumns,
  group: text().notNull(),
});

/** The groups CX tags sit in: pain point, driver and sentiment by default, plus any the admin adds. */
export const cxTagGroups = pgTable('cx_tag_groups', { ...taxonomyColumns });
