import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, IsNull, Repository } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';
import { NotificationEntity } from './notification.entity.js';

@Injectable()
export class NotificationsRepository {
  constructor(@InjectRepository(NotificationEntity) private readonly repo: Repository<NotificationEntity>) {}

  /** Newest first (id breaks ties between notifications of the same millisecond). */
  listForUser(
    userId: string,
    options: { unreadOnly: boolean; limit: number },
  ): Promise<NotificationEntity[]> {
    return this.repo.find({
      where: { userId, ...(options.unreadOnly ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: options.limit,
    });
  }

  findForUser(id: string, userId: string): Promise<NotificationEntity | null> {
    return this.repo.findOneBy({ id, userId });
  }

  findById(id: string): Promise<NotificationEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /** Inserts within the caller's transaction when given one (the SLA check writes them with its change). */
  async insert(notification: NotificationEntity, manager?: EntityManager): Promise<void> {
    await (manager ?? this.repo.manager).insert(NotificationEntity, notification);
  }

  async setReadAt(id: string, readAt: number | null): Promise<void> {
    await this.repo.update({ id }, { readAt });
  }

  /** Marks it emailed unless another try did already; false when it had been. */
  async markEmailed(id: string, at: number): Promise<boolean> {
    const result = await this.repo.update({ id, emailedAt: IsNull() }, { emailedAt: at });
    return (result.affected ?? 0) > 0;
  }

  recipient(userId: string): Promise<Pick<UserEntity, 'email' | 'name' | 'active'> | null> {
    return this.repo.manager
      .getRepository(UserEntity)
      .findOne({ where: { id: userId }, select: ['email', 'name', 'active'] });
  }
}
