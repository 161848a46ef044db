import type { ConversationEntity } from './conversation.entity.js';

/** The orders the inbox can be read in. */
export const INBOX_SORTS = ['activity', 'due', 'priority'] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

/** After every real due time: conversations not waiting for a first answer come after those that are. */
export const NOT_DUE = 8_640_000_000_000_000;

const PRIORITY_RANK: Record<string, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

export interface InboxOrder {
  /** One direction for every key, so a page boundary is one row-value comparison. */
  direction: 'ASC' | 'DESC';
  /** SQL of the sort keys (column names), most significant first; the id breaks ties. */
  keySql: string[];
  /** The same keys of a loaded conversation, for the cursor. */
  keysOf: (c: ConversationEntity) => number[];
}

/** The first-response deadline of a conversation still waiting for its first answer. */
const WAITING_DUE_SQL =
  `CASE WHEN c.first_response_at IS NULL AND c.status <> 'resolved' ` +
  `THEN COALESCE(c.first_response_due_at, ${NOT_DUE}) ELSE ${NOT_DUE} END`;
const PRIORITY_RANK_SQL =
  'CASE c.priority ' +
  Object.entries(PRIORITY_RANK)
    .map(([priority, rank]) => `WHEN '${priority}' THEN ${rank} `)
    .join('') +
  'ELSE 4 END';

function waitingDue(c: ConversationEntity): number {
  return c.firstResponseAt === null && c.status !== 'resolved' ? (c.firstResponseDueAt ?? NOT_DUE) : NOT_DUE;
}

export const INBOX_ORDERS: Record<InboxSort, InboxOrder> = {
  /** Newest activity first (the default; walks the (filter, last_message_at, id) indexes). */
  activity: { direction: 'DESC', keySql: ['c.last_message_at'], keysOf: (c) => [c.lastMessageAt] },
  /** Earliest first-response deadline first; the answered and resolved after, newest activity first. */
  due: {
    direction: 'ASC',
    keySql: [WAITING_DUE_SQL, '-c.last_message_at'],
    keysOf: (c) => [waitingDue(c), -c.lastMessageAt],
  },
  /** Urgent first; within a priority, as by `due`. */
  priority: {
    direction: 'ASC',
    keySql: [PRIORITY_RANK_SQL, WAITING_DUE_SQL, '-c.last_message_at'],
    keysOf: (c) => [PRIORITY_RANK[c.priority] ?? 4, waitingDue(c), -c.lastMessageAt],
  },
};
