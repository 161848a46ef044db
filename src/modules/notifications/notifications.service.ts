import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { notFound } from '../../common/errors/app-error.js';
import { iso } from '../../common/http/id-param.js';
import { JOB_QUEUE, type JobQueue } from '../../common/queue/job-queue.js';
import { newId } from '../../database/columns.js';
import type { AuthUser } from '../../common/auth/auth.decorators.js';
import { EmailTransportService } from '../channels/email/email-transport.service.js';
import type {
  ListNotificationsQuery,
  NotificationDto,
  UpdateNotificationDto,
} from './dto/notification.dto.js';
import { NotificationEntity } from './notification.entity.js';
import { NotificationsRepository } from './notifications.repository.js';

export const NOTIFICATION_EMAIL_JOB = 'notification.email';

export type NotificationType = 'escalation' | 'promise_broken';

export interface NewNotification {
  userId: string;
  type: NotificationType;
  conversationId: string | null;
  /** First line = the email subject. */
  message: string;
}

export function toNotificationDto(n: NotificationEntity): NotificationDto {
  return {
    id: n.id,
    type: n.type,
    conversationId: n.conversationId,
    message: n.message,
    read: n.readAt !== null,
    readAt: iso(n.readAt),
    emailedAt: iso(n.emailedAt),
    createdAt: iso(n.createdAt)!,
  };
}

/**
 * What a person must know (an overdue conversation, a broken promise): stored for the UI and,
 * when outgoing mail is configured (SMTP_URL / MAIL_FROM), emailed in the background.
 */
@Injectable()
export class NotificationsService implements OnModuleInit {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly transports: EmailTransportService,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
  ) {}

  onModuleInit(): void {
    this.queue.register<{ notificationId: string }>(NOTIFICATION_EMAIL_JOB, (job) =>
      this.email(job.notificationId),
    );
  }

  async list(user: AuthUser, query: ListNotificationsQuery): Promise<NotificationDto[]> {
    const rows = await this.notifications.listForUser(user.id, {
      unreadOnly: query.unread ?? false,
      limit: query.limit ?? 50,
    });
    return rows.map(toNotificationDto);
  }

  /** Only the user's own notifications; someone else's is "not found". */
  async update(user: AuthUser, id: string, input: UpdateNotificationDto): Promise<NotificationDto> {
    const notification = await this.notifications.findForUser(id, user.id);
    if (!notification) throw notFound('Notification');
    if (input.read !== (notification.readAt !== null)) {
      notification.readAt = input.read ? Date.now() : null;
      await this.notifications.setReadAt(id, notification.readAt);
    }
    return toNotificationDto(notification);
  }

  /**
   * Stores a notification, in the caller's transaction when given one. Call `announce` with it
   * once that transaction has committed.
   */
  async create(input: NewNotification, now: number, manager?: EntityManager): Promise<NotificationEntity> {
    const notification = Object.assign(new NotificationEntity(), {
      id: newId(),
      ...input,
      createdAt: now,
      readAt: null,
      emailedAt: null,
    });
    await this.notifications.insert(notification, manager);
    return notification;
  }

  /** Queues the emails of stored notifications (nothing when no outgoing mail is configured). */
  async announce(notifications: NotificationEntity[]): Promise<void> {
    if (notifications.length === 0 || !(await this.transports.routeFor(null))) return;
    for (const notification of notifications) {
      await this.queue.enqueue(
        NOTIFICATION_EMAIL_JOB,
        { notificationId: notification.id },
        { jobId: notification.id, attempts: 3, backoffMs: 30_000 },
      );
    }
  }

  private async email(notificationId: string): Promise<void> {
    const notification = await this.notifications.findById(notificationId);
    if (!notification || notification.emailedAt !== null) return;
    const recipient = await this.notifications.recipient(notification.userId);
    const route = await this.transports.routeFor(null);
    if (!recipient?.active || !route) return;
    const [subject = notification.type] = notification.message.split('\n');
    await this.transports.send(route, {
      to: recipient.email,
      subject: `[Resonanz] ${subject.slice(0, 150)}`,
      text: `Hello ${recipient.name},\n\n${notification.message}\n`,
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
    await this.notifications.markEmailed(notification.id, Date.now());
    this.logger.debug(`Emailed notification ${notification.id} to ${recipient.email}`);
  }
}
