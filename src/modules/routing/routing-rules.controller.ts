import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { MinRole } from '../../common/auth/auth.decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import { CreateRoutingRuleDto, type RoutingRuleDto, UpdateRoutingRuleDto } from './dto/routing-rule.dto.js';
import { RoutingRulesService } from './routing-rules.service.js';

@ApiTags('routing')
@ApiBearerAuth()
@MinRole('manager')
@Controller('api/routing-rules')
export class RoutingRulesController {
  constructor(private readonly rules: RoutingRulesService) {}

  @Get()
  list(): Promise<RoutingRuleDto[]> {
    return this.rules.list();
  }

  @Get(':id')
  get(@IdParam() id: string): Promise<RoutingRuleDto> {
    return this.rules.get(id);
  }

  @Post()
  create(@Body() body: CreateRoutingRuleDto): Promise<RoutingRuleDto> {
    return this.rules.create(body);
  }

  @Patch(':id')
  update(@IdParam() id: string, @Body() body: UpdateRoutingRuleDto): Promise<RoutingRuleDto> {
    return this.rules.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  delete(@IdParam() id: string): Promise<void> {
    return this.rules.delete(id);
  }
}
