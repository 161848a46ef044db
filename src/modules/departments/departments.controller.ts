import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, MinRole } from '../../common/auth/auth.decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import { DepartmentsService } from './departments.service.js';
import { CreateDepartmentDto, type DepartmentDto, UpdateDepartmentDto } from './dto/department.dto.js';

@ApiTags('departments')
@ApiBearerAuth()
@Controller('api/departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  /** Every signed-in user may read departments (the inbox filters by them). */
  @Get()
  list(): Promise<DepartmentDto[]> {
    return this.departments.list();
  }

  @Get(':id')
  get(@IdParam() id: string): Promise<DepartmentDto> {
    return this.departments.get(id);
  }

  @MinRole('admin')
  @Post()
  create(@Body() body: CreateDepartmentDto, @CurrentUser() actor: AuthUser): Promise<DepartmentDto> {
    return this.departments.create(body, actor.id);
  }

  @MinRole('admin')
  @Patch(':id')
  update(
    @IdParam() id: string,
    @Body() body: UpdateDepartmentDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<DepartmentDto> {
    return this.departments.update(id, body, actor.id);
  }

  @MinRole('admin')
  @Delete(':id')
  @HttpCode(204)
  delete(@IdParam() id: string, @CurrentUser() actor: AuthUser): Promise<void> {
    return this.departments.delete(id, actor.id);
  }
}
