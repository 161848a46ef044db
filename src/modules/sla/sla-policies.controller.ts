import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { MinRole } from '../../common/auth/auth.decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import { CreateSlaPolicyDto, type SlaPolicyDto, UpdateSlaPolicyDto } from './dto/sla-policy.dto.js';
import { SlaPoliciesService } from './sla-policies.service.js';

@ApiTags('sla-policies')
@ApiBearerAuth()
@MinRole('admin')
@Controller('api/sla-policies')
export class SlaPoliciesController {
  constructor(private readonly policies: SlaPoliciesService) {}

  @Get()
  list(): Promise<SlaPolicyDto[]> {
    return this.policies.list();
  }

  @Get(':id')
  get(@IdParam() id: string): Promise<SlaPolicyDto> {
    return this.policies.get(id);
  }

  @Post()
  create(@Body() body: CreateSlaPolicyDto): Promise<SlaPolicyDto> {
    return this.policies.create(body);
  }

  @Patch(':id')
  update(@IdParam() id: string, @Body() body: UpdateSlaPolicyDto): Promise<SlaPolicyDto> {
    return this.policies.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  delete(@IdParam() id: string): Promise<void> {
    return this.policies.delete(id);
  }
}
