import { Controller, type MessageEvent, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { interval, map, merge, type Observable } from 'rxjs';
import { EventsService } from './events.service.js';

/** A comment-like ping keeps proxies from closing an idle stream. */
const KEEPALIVE_MS = 25_000;

@ApiTags('events')
@ApiBearerAuth()
@Controller('api/events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @ApiOperation({
    summary:
      'Server-sent events: conversation.created, conversation.updated, message.created, message.updated',
  })
  @Sse()
  stream(): Observable<MessageEvent> {
    return merge(
      this.events.stream().pipe(map((event) => ({ type: event.type, data: event }))),
      interval(KEEPALIVE_MS).pipe(map(() => ({ type: 'ping', data: {} }))),
    );
  }
}
