import {
  Controller,
  Get,
  Post,
  Res,
  StreamableFile,
  UploadedFile as UploadedFilePart,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type AuthUser, CurrentUser } from '../../common/auth/auth.decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import type { AttachmentDto } from '../conversations/dto/conversation-response.dto.js';
import { MAX_ATTACHMENT_BYTES } from './attachment-files.js';
import { AttachmentsService, type UploadedFile } from './attachments.service.js';

/** Files of messages; every signed-in user may open them, as they may read every conversation. */
@ApiTags('attachments')
@ApiBearerAuth()
@Controller('api/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @ApiOperation({
    summary: 'Uploads a file for a reply or note: pass its id in attachmentIds (kept a day until then)',
  })
  @ApiConsumes('multipart/form-data')
  @Post()
  @UseInterceptors(
    // No `dest`: multer keeps the file in memory, and the limit bounds that memory.
    FileInterceptor('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } }),
  )
  upload(
    @UploadedFilePart() file: UploadedFile | undefined,
    @CurrentUser() user: AuthUser,
  ): Promise<AttachmentDto> {
    return this.attachments.upload(file, user.id);
  }

  @ApiOperation({ summary: "A message's attachment as a download (`url` in the message's attachment list)" })
  @Get(':id')
  async download(@IdParam() id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const file = await this.attachments.download(id);
    res.set(file.headers);
    return new StreamableFile(file.content);
  }
}
