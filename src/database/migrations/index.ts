import { InitialSchema1732330000000 } from './1732330000000-initial-schema.js';
import { AnalyticsIndexes1732600000000 } from './1732600000000-analytics-indexes.js';
import { LighterIngestWrites1732900000000 } from './1732900000000-lighter-ingest-writes.js';
import { FewerWriteIndexes1733000000000 } from './1733000000000-fewer-write-indexes.js';
import { MessageAttachments1733100000000 } from './1733100000000-message-attachments.js';
import { SessionCutoff1733200000000 } from './1733200000000-session-cutoff.js';

/** Every migration, oldest first. Add new ones at the end. */
export const MIGRATIONS = [
  InitialSchema1732330000000,
  AnalyticsIndexes1732600000000,
  LighterIngestWrites1732900000000,
  FewerWriteIndexes1733000000000,
  MessageAttachments1733100000000,
  SessionCutoff1733200000000,
];
