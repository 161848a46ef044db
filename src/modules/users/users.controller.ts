import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, MinRole } from '../../common/auth/auth.decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import { CreateUserDto, UpdateUserDto, type UserDto } from './dto/user.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@MinRole('admin')
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list(): Promise<UserDto[]> {
    return this.users.list();
  }

  /** Names of the active colleagues, for every signed-in user (assign pickers, names in the inbox). */
  @MinRole('agent')
  @Get('directory')
  directory(): Promise<UserDto[]> {
    return this.users.directory();
  }

  @Post()
  create(@Body() body: CreateUserDto, @CurrentUser() actor: AuthUser): Promise<UserDto> {
    return this.users.create(body, actor.id);
  }

  @Patch(':id')
  update(
    @IdParam() id: string,
    @Body() body: UpdateUserDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<UserDto> {
    return this.users.update(id, body, actor.id);
  }
}
