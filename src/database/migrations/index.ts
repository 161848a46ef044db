import { InitialSchema1732330000000 } from './1732330000000-initial-schema.js';

/** Every migration, oldest first. Add new ones at the end. */
export const MIGRATIONS = [InitialSchema1732330000000];
