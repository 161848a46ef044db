import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, Repository } from 'typeorm';
import { bulkInsert, chunked } from '../ingestion/bulk-insert.js';
import { ContactEntity } from './contact.entity.js';

@Injectable()
export class ContactsRepository {
  constructor(@InjectRepository(ContactEntity) private readonly repo: Repository<ContactEntity>) {}

  async findByIds(ids: string[], manager: EntityManager = this.repo.manager): Promise<ContactEntity[]> {
    const found: ContactEntity[] = [];
    for (const part of chunked([...new Set(ids)]))
      found.push(...(await manager.findBy(ContactEntity, { id: In(part) })));
    return found;
  }

  async findByEmails(manager: EntityManager, emails: string[]): Promise<ContactEntity[]> {
    const found: ContactEntity[] = [];
    for (const part of chunked(emails))
      found.push(...(await manager.findBy(ContactEntity, { email: In(part) })));
    return found;
  }

  async findByChannelIdentities(manager: EntityManager, identities: string[]): Promise<ContactEntity[]> {
    const found: ContactEntity[] = [];
    for (const part of chunked(identities))
      found.push(...(await manager.findBy(ContactEntity, { channelIdentity: In(part) })));
    return found;
  }

  /** Inserts the contacts no concurrent writer created first; returns the ids it wrote. */
  insertNew(manager: EntityManager, contacts: ContactEntity[]): Promise<Set<string>> {
    return bulkInsert(manager, ContactEntity, contacts, { skipConflicts: true });
  }
}
