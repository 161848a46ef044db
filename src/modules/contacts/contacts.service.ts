import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { timeOrderedId } from '../ingestion/time-ordered-id.js';
import { ContactEntity } from './contact.entity.js';
import { ContactsRepository } from './contacts.repository.js';

/** How a remark names its author; email wins over a channel identity. */
export interface ContactKey {
  email: string | null;
  channelIdentity: string | null;
  name: string | null;
}

export interface ResolvedContacts {
  /** One contact per key, in the order of the keys. */
  contacts: ContactEntity[];
  /** Ids of the contacts created now (they have no earlier conversations). */
  created: Set<string>;
}

const keyOf = (key: ContactKey): string | null =>
  key.email ? `e:${key.email}` : key.channelIdentity ? `i:${key.channelIdentity}` : null;

const compareKeys = (a: string | null, b: string | null): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;

/**
 * Recognises people across channels: by email, else by their identity on one channel. A remark
 * with neither gets a contact of its own.
 */
@Injectable()
export class ContactsService {
  constructor(private readonly contacts: ContactsRepository) {}

  findByIds(ids: string[]): Promise<ContactEntity[]> {
    return this.contacts.findByIds(ids);
  }

  /** Finds or creates the contacts for a batch with one query per key kind and one insert. */
  async resolveMany(manager: EntityManager, keys: ContactKey[], now: number): Promise<ResolvedContacts> {
    const emails = [...new Set(keys.map((k) => k.email).filter((e): e is string => !!e))];
    const identities = [
      ...new Set(keys.filter((k) => !k.email && k.channelIdentity).map((k) => k.channelIdentity!)),
    ];
    const known = new Map<string, ContactEntity>();
    if (emails.length)
      for (const c of await this.contacts.findByEmails(manager, emails)) known.set(`e:${c.email}`, c);
    if (identities.length)
      for (const c of await this.contacts.findByChannelIdentities(manager, identities))
        known.set(`i:${c.channelIdentity}`, c);

    const created: ContactEntity[] = [];
    const contacts = keys.map((key) => {
      const k = keyOf(key);
      const existing = k ? known.get(k) : undefined;
      if (existing) return existing;
      const contact = Object.assign(new ContactEntity(), {
        id: timeOrderedId(now),
        name: key.name,
        email: key.email,
        channelIdentity: key.email ? null : key.channelIdentity,
        createdAt: now,
        updatedAt: now,
      });
      if (k) known.set(k, contact);
      created.push(contact);
      return contact;
    });
    // Inserted in key order: concurrent batches that create the same people then wait for each
    // other in one order instead of deadlocking.
    const byKey = (a: ContactEntity, b: ContactEntity) => compareKeys(keyOf(a), keyOf(b));
    const inserted = await this.contacts.insertNew(manager, [...created].sort(byKey));
    if (inserted.size === created.length) return { contacts, created: inserted };
    // Another batch created some of these people meanwhile (it waited for that one to commit):
    // use the stored contacts instead.
    const lost = created.filter((c) => !inserted.has(c.id));
    const stored = new Map<string, ContactEntity>();
    const emailsLost = lost.filter((c) => c.email).map((c) => c.email!);
    const identitiesLost = lost.filter((c) => !c.email && c.channelIdentity).map((c) => c.channelIdentity!);
    for (const c of emailsLost.length ? await this.contacts.findByEmails(manager, emailsLost) : [])
      stored.set(`e:${c.email}`, c);
    for (const c of identitiesLost.length
      ? await this.contacts.findByChannelIdentities(manager, identitiesLost)
      : [])
      stored.set(`i:${c.channelIdentity}`, c);
    const lostIds = new Set(lost.map((c) => c.id));
    const replaced = contacts.map((c) => (lostIds.has(c.id) ? (stored.get(keyOf(c)!) ?? c) : c));
    return { contacts: replaced, created: inserted };
  }
}
