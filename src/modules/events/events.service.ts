import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { type Observable, Subject } from 'rxjs';

export const INBOX_EVENT_TYPES = [
  'conversation.created',
  'conversation.updated',
  'message.created',
  'message.updated',
] as const;
export type InboxEventType = (typeof INBOX_EVENT_TYPES)[number];

/**
 * One live inbox event. `conversation` is the conversation summary (as GET /api/conversations
 * shows it) and `message` the message JSON; both are plain response objects, never entities.
 */
export interface InboxEvent {
  type: InboxEventType;
  conversationId: string;
  conversation?: object;
  message?: object;
}

/**
 * The in-process event bus for live inbox updates (GET /api/events). Anyone may emit; payloads
 * are built only when somebody listens (`listening`), so bulk ingestion pays nothing otherwise.
 */
@Injectable()
export class EventsService implements OnModuleDestroy {
  private readonly subject = new Subject<InboxEvent>();

  get listening(): boolean {
    return this.subject.observed;
  }

  emit(event: InboxEvent): void {
    this.subject.next(event);
  }

  stream(): Observable<InboxEvent> {
    return this.subject.asObservable();
  }

  onModuleDestroy(): void {
    this.subject.complete();
  }
}
