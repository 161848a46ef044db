import { Body, Controller, Get, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '../../common/auth/auth.decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import {
  ListNotificationsQuery,
  type NotificationDto,
  UpdateNotificationDto,
} from './dto/notification.dto.js';
import { NotificationsService } from './notifications.service.js';

/** The signed-in user's own notifications, newest first. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ListNotificationsQuery): Promise<NotificationDto[]> {
    return this.notifications.list(user, query);
  }

  @Patch(':id')
  update(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() body: UpdateNotificationDto,
  ): Promise<NotificationDto> {
    return this.notifications.update(user, id, body);
  }
}
