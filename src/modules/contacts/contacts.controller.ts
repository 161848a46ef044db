import { Controller, Delete, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, MinRole } from '../../common/auth/auth.decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import { ContactDataService } from './contact-data.service.js';
import type { ContactErasureDto, ContactExportDto } from './dto/contact-data.dto.js';

@ApiTags('contacts')
@ApiBearerAuth()
@MinRole('admin')
@Controller('api/contacts')
export class ContactsController {
  constructor(private readonly contactData: ContactDataService) {}

  /** Everything stored about a person, as one JSON document (right of access). */
  @Get(':id/export')
  export(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<ContactExportDto> {
    return this.contactData.export(id, user.id);
  }

  /**
   * Erases a person's personal data (right to erasure): names, addresses, message texts,
   * attachments' metadata, promises' wording, reasons, corrections and notifications. Times,
   * channels, departments, topics and sentiment stay for the figures.
   */
  @Delete(':id')
  erase(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<ContactErasureDto> {
    return this.contactData.erase(id, user.id);
  }
}
