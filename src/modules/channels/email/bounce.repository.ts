import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Not, Repository } from 'typeorm';
import { MessageEntity } from '../../conversations/message.entity.js';

/** The one write bounces make: our outbound mail that came back is marked failed. */
@Injectable()
export class BounceRepository {
  constructor(@InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>) {}

  /** Marks our outbound messages with these Message-IDs failed; returns how many changed. */
  async markOutboundFailed(messageIds: string[], reason: string): Promise<number> {
    if (!messageIds.length) return 0;
    const result = await this.messages.update(
      { externalId: In(messageIds), direction: 'outbound', deliveryStatus: Not('failed') },
      { deliveryStatus: 'failed', deliveryError: reason },
    );
    return result.affected ?? 0;
  }
}
