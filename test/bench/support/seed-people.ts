import type { DataSource } from 'typeorm';

/**
 * Agents and contacts for a bench database, with ids derived from their number (md5('agent' || n),
 * md5('contact' || n)) so the conversations a bench seeds can name them in SQL.
 */
export async function seedPeople(
  ds: DataSource,
  counts: { agents: number; contacts: number },
  now: number,
): Promise<void> {
  await ds.query(
    `INSERT INTO users (id, email, name, password_hash, role, active, created_at, updated_at)
     SELECT md5('agent' || g)::uuid::text, 'agent' || g || '@bench.test', 'Agent ' || g, 'x', 'agent', TRUE, $1, $1
     FROM generate_series(1, ${counts.agents}) g`,
    [now],
  );
  await ds.query(
    `INSERT INTO contacts (id, name, email, created_at, updated_at)
     SELECT md5('contact' || g)::uuid::text, 'Contact ' || g, 'contact' || g || '@bench.test', $1, $1
     FROM generate_series(1, ${counts.contacts}) g`,
    [now],
  );
}
