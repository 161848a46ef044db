import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, MinRole } from '../../common/auth/auth.decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import { ConnectorSyncService } from './connector-sync.service.js';
import { ConnectorsService } from './connectors.service.js';
import {
  type ConnectorDto,
  type ConnectorSyncResultDto,
  type ConnectorTestResultDto,
  CreateConnectorDto,
  UpdateConnectorDto,
} from './dto/connector.dto.js';

@ApiTags('connectors')
@ApiBearerAuth()
@MinRole('admin')
@Controller('api/connectors')
export class ConnectorsController {
  constructor(
    private readonly connectors: ConnectorsService,
    private readonly sync: ConnectorSyncService,
  ) {}

  @Get()
  list(): Promise<ConnectorDto[]> {
    return this.connectors.list();
  }

  @Post()
  create(@Body() body: CreateConnectorDto, @CurrentUser() user: AuthUser): Promise<ConnectorDto> {
    return this.connectors.create(body, user.id);
  }

  @Get(':id')
  get(@IdParam() id: string): Promise<ConnectorDto> {
    return this.connectors.get(id);
  }

  @Patch(':id')
  update(
    @IdParam() id: string,
    @Body() body: UpdateConnectorDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ConnectorDto> {
    return this.connectors.update(id, body, user.id);
  }

  @Delete(':id')
  @HttpCode(204)
  delete(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.connectors.delete(id, user.id);
  }

  @Post(':id/test')
  @HttpCode(200)
  test(@IdParam() id: string): Promise<ConnectorTestResultDto> {
    return this.connectors.test(id);
  }

  @Post(':id/sync')
  @HttpCode(200)
  syncNow(@IdParam() id: string): Promise<ConnectorSyncResultDto> {
    return this.sync.syncNow(id);
  }
}
