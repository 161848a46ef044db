import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MinRole } from '../../common/auth/auth.decorators.js';
import { ImportRemarksDto, type ImportResultDto } from './dto/import-remarks.dto.js';
import { RemarksImportService } from './remarks-import.service.js';

@ApiTags('import')
@ApiBearerAuth()
@Controller('api/remarks')
export class RemarksController {
  constructor(private readonly remarks: RemarksImportService) {}

  @ApiOperation({ summary: 'Bulk import (at most 1,000 per call); bad items fail alone in `failed`' })
  @MinRole('manager')
  @Post()
  @HttpCode(200)
  import(@Body() body: ImportRemarksDto): Promise<ImportResultDto> {
    return this.remarks.import(body);
  }
}
