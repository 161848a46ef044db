import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '../../common/auth/auth.decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import { ConversationsService } from './conversations.service.js';
import type {
  ConversationDetailDto,
  ConversationPageDto,
  ConversationSummaryDto,
  MessageDto,
  PromiseDto,
} from './dto/conversation-response.dto.js';
import { ListConversationsDto } from './dto/list-conversations.dto.js';
import {
  CreatePromiseDto,
  MessageBodyDto,
  UpdateConversationDto,
  UpdatePromiseDto,
} from './dto/update-conversation.dto.js';
import { PromisesService } from './promises.service.js';
import { RepliesService } from './replies.service.js';

/** The unified inbox. Agents see and work every conversation; managers and admins too. */
@ApiTags('conversations')
@ApiBearerAuth()
@Controller('api/conversations')
export class ConversationsController {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly replies: RepliesService,
    private readonly promises: PromisesService,
  ) {}

  @ApiOperation({ summary: 'Newest activity first; keyset pagination through nextCursor' })
  @Get()
  list(@Query() query: ListConversationsDto, @CurrentUser() user: AuthUser): Promise<ConversationPageDto> {
    return this.conversations.list(query, user);
  }

  @Get(':id')
  detail(@IdParam() id: string): Promise<ConversationDetailDto> {
    return this.conversations.detail(id);
  }

  @Patch(':id')
  update(
    @IdParam() id: string,
    @Body() body: UpdateConversationDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ConversationSummaryDto> {
    return this.conversations.update(id, body, user);
  }

  @ApiOperation({ summary: "A reply, sent on the conversation's reply channel" })
  @Post(':id/replies')
  reply(
    @IdParam() id: string,
    @Body() body: MessageBodyDto,
    @CurrentUser() user: AuthUser,
  ): Promise<MessageDto> {
    return this.replies.reply(id, body.body, user, { attachmentIds: body.attachmentIds });
  }

  @ApiOperation({ summary: 'An internal note (never sent to the customer)' })
  @Post(':id/notes')
  note(
    @IdParam() id: string,
    @Body() body: MessageBodyDto,
    @CurrentUser() user: AuthUser,
  ): Promise<MessageDto> {
    return this.replies.note(id, body.body, user, { attachmentIds: body.attachmentIds });
  }

  @ApiOperation({ summary: 'Sends a failed reply again' })
  @Post(':id/messages/:messageId/retry')
  @HttpCode(200)
  retry(@IdParam() id: string, @IdParam('messageId') messageId: string): Promise<MessageDto> {
    return this.replies.retry(id, messageId);
  }

  @Post(':id/promises')
  createPromise(
    @IdParam() id: string,
    @Body() body: CreatePromiseDto,
    @CurrentUser() user: AuthUser,
  ): Promise<PromiseDto> {
    return this.promises.create(id, body, user);
  }

  @Patch(':id/promises/:promiseId')
  updatePromise(
    @IdParam() id: string,
    @IdParam('promiseId') promiseId: string,
    @Body() body: UpdatePromiseDto,
    @CurrentUser() user: AuthUser,
  ): Promise<PromiseDto> {
    return this.promises.update(id, promiseId, body, user);
  }
}
