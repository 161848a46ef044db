import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth.decorators.js';
import { notFound } from '../../common/errors/app-error.js';
import { newId } from '../../database/columns.js';
import { newEvent } from './conversation-lifecycle.js';
import type { ConversationEntity } from './conversation.entity.js';
import { toPromiseDto } from './conversation.mapper.js';
import { ConversationsRepository } from './conversations.repository.js';
import { ConversationsService } from './conversations.service.js';
import type { PromiseDto } from './dto/conversation-response.dto.js';
import type { CreatePromiseDto, UpdatePromiseDto } from './dto/update-conversation.dto.js';
import { PromiseEntity } from './promise.entity.js';

/** Commitments made to a customer ("call back Friday"); open past their due time = broken. */
@Injectable()
export class PromisesService {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly repository: ConversationsRepository,
  ) {}

  async create(conversationId: string, input: CreatePromiseDto, user: AuthUser): Promise<PromiseDto> {
    const conversation = await this.conversations.get(conversationId);
    const now = Date.now();
    const promise = Object.assign(new PromiseEntity(), {
      id: newId(),
      conversationId,
      description: input.description,
      dueAt: Date.parse(input.dueAt),
      keptAt: null,
      createdById: user.id,
      brokenNotifiedAt: null,
      createdAt: now,
    } satisfies PromiseEntity);
    await this.record(conversation, promise, { action: 'created', dueAt: input.dueAt }, user, now);
    return toPromiseDto(promise, now);
  }

  async update(
    conversationId: string,
    promiseId: string,
    input: UpdatePromiseDto,
    user: AuthUser,
  ): Promise<PromiseDto> {
    const conversation = await this.conversations.get(conversationId);
    const promise = await this.repository.findPromise(promiseId);
    if (!promise || promise.conversationId !== conversationId) throw notFound('Promise');
    const now = Date.now();
    if (input.kept !== (promise.keptAt !== null)) {
      promise.keptAt = input.kept ? now : null;
      await this.record(conversation, promise, { action: input.kept ? 'kept' : 'reopened' }, user, now);
    }
    return toPromiseDto(promise, now);
  }

  /** Stores a promise change with its history event, and tells the live inbox. */
  private async record(
    conversation: ConversationEntity,
    promise: PromiseEntity,
    change: { action: 'created' | 'kept' | 'reopened'; dueAt?: string },
    user: AuthUser,
    now: number,
  ): Promise<void> {
    const data = { promiseId: promise.id, ...change };
    const event = newEvent(conversation.id, 'promise', data, user.id, now);
    conversation.updatedAt = now;
    await this.repository.save({ conversation, promises: [promise], events: [event] });
    await this.conversations.announce(conversation);
  }
}
