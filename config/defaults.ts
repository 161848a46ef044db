/**
 * Product defaults: the taxonomy, the seeded departments, the default topic→department map and
 * SLA targets. Everything here can be changed at run time through the API (departments, routing
 * rules, SLA policies); these values only seed an empty database and fill gaps.
 */
export const TOPICS = [
  'delivery',
  'billing',
  'returns_refunds',
  'product_quality',
  'service_staff',
  'reachability',
  'website_app',
  'pricing',
  'feature_request',
  'privacy',
  'other',
] as const;
export type Topic = (typeof TOPICS)[number];

export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export type SentimentLabel = (typeof SENTIMENTS)[number];

export const CHANNELS = ['email', 'webform', 'feed', 'api'] as const;
export type Channel = (typeof CHANNELS)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const DEFAULT_DEPARTMENTS = [
  'Customer Service',
  'Logistics',
  'Accounting',
  'Product',
  'E-Commerce',
  'Data Protection',
] as const;

/** Where a remark goes when no routing rule matches. */
export const DEFAULT_TOPIC_DEPARTMENT: Record<Topic, (typeof DEFAULT_DEPARTMENTS)[number]> = {
  delivery: 'Logistics',
  billing: 'Accounting',
  pricing: 'Accounting',
  product_quality: 'Product',
  feature_request: 'Product',
  website_app: 'E-Commerce',
  privacy: 'Data Protection',
  returns_refunds: 'Customer Service',
  service_staff: 'Customer Service',
  reachability: 'Customer Service',
  other: 'Customer Service',
};

/** First-response targets in seconds when no SLA policy matches (per channel, then per priority). */
export const DEFAULT_FIRST_RESPONSE_SECONDS: Record<Channel, number> = {
  email: 8 * 3600,
  webform: 8 * 3600,
  feed: 24 * 3600,
  api: 8 * 3600,
};
export const URGENT_FIRST_RESPONSE_SECONDS = 3600;

/** A contact's earlier conversations within this window count as repeat contacts. */
export const REPEAT_CONTACT_WINDOW_DAYS = 14;
