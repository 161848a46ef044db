import { Controller, Get, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IdParam } from '../../common/http/id-param.js';
import { AttachmentsService } from './attachments.service.js';

/** Files customers sent; every signed-in user may open them, as they may read every conversation. */
@ApiTags('attachments')
@ApiBearerAuth()
@Controller('api/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @ApiOperation({ summary: "A message's attachment as a download (`url` in the message's attachment list)" })
  @Get(':id')
  async download(@IdParam() id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const file = await this.attachments.download(id);
    res.set(file.headers);
    return new StreamableFile(file.content);
  }
}
