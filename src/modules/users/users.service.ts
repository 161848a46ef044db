import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import { AppConfig } from '../../common/config/app-config.js';
import { AppError, badRequest, conflict, notFound } from '../../common/errors/app-error.js';
import { iso } from '../../common/http/id-param.js';
import { newId } from '../../database/columns.js';
import type { CreateUserDto, UpdateUserDto, UserDto } from './dto/user.dto.js';
import { UserEntity } from './user.entity.js';
import { UsersRepository } from './users.repository.js';

export function toUserDto(user: UserEntity, departmentIds: string[]): UserDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    active: user.active,
    departmentIds,
    createdAt: iso(user.createdAt)!,
  };
}

/** What an update changed, for the audit log: field names, and role and activity before and after. */
function userChanges(
  before: { role: UserEntity['role']; active: boolean },
  after: UserEntity,
  input: UpdateUserDto,
): Record<string, unknown> {
  return {
    changed: Object.keys(input).filter((key) => input[key as keyof UpdateUserDto] !== undefined),
    ...(before.role !== after.role ? { role: { from: before.role, to: after.role } } : {}),
    ...(before.active !== after.active ? { active: { from: before.active, to: after.active } } : {}),
  };
}

@Injectable()
export class UsersService implements OnApplicationBootstrap {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly config: AppConfig,
  ) {}

  /** First start with no users: an admin from ADMIN_EMAIL/ADMIN_PASSWORD, or a generated password logged once. */
  async onApplicationBootstrap(): Promise<void> {
    if ((await this.users.count()) > 0) return;
    const email = this.config.env.ADMIN_EMAIL ?? 'admin@resonanz.local';
    const password = this.config.env.ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
    await this.create({ email, name: 'Administrator', password, role: 'admin' });
    if (!this.config.env.ADMIN_PASSWORD) {
      this.logger.warn(
        `Created the first admin: ${email} with the generated password ${password} (shown once)`,
      );
    } else {
      this.logger.log(`Created the first admin: ${email}`);
    }
  }

  async list(): Promise<UserDto[]> {
    const users = await this.users.list();
    const departments = await this.users.departmentIdsByUser(users.map((u) => u.id));
    return users.map((user) => toUserDto(user, departments.get(user.id) ?? []));
  }

  async directory(): Promise<UserDto[]> {
    return (await this.list()).filter((user) => user.active);
  }

  async create(input: CreateUserDto, actorUserId: string | null = null): Promise<UserDto> {
    const email = input.email.toLowerCase();
    if (await this.users.findByEmail(email)) throw conflict(`A user with the email ${email} exists already`);
    await this.checkDepartments(input.departmentIds);
    const now = Date.now();
    const user = Object.assign(new UserEntity(), {
      id: newId(),
      email,
      name: input.name,
      passwordHash: await argon2.hash(input.password),
      role: input.role,
      active: true,
      sessionsValidAfter: 0,
      createdAt: now,
      updatedAt: now,
    });
    await this.users.save(user, input.departmentIds ?? [], {
      actorUserId,
      action: 'user.created',
      entityType: 'user',
      entityId: user.id,
      data: { role: user.role, departmentIds: input.departmentIds ?? [] },
    });
    return toUserDto(user, input.departmentIds ?? []);
  }

  async update(id: string, input: UpdateUserDto, actorUserId: string | null = null): Promise<UserDto> {
    const user = await this.users.findById(id);
    if (!user) throw notFound('User');
    const before = { role: user.role, active: user.active };
    if (input.email && input.email.toLowerCase() !== user.email) {
      const email = input.email.toLowerCase();
      if (await this.users.findByEmail(email))
        throw conflict(`A user with the email ${email} exists already`);
      user.email = email;
    }
    await this.checkDepartments(input.departmentIds);
    await this.keepAnAdmin(user, input);
    const now = Date.now();
    if (input.name !== undefined) user.name = input.name;
    if (input.role !== undefined) user.role = input.role;
    if (input.active !== undefined) user.active = input.active;
    if (input.password !== undefined) {
      user.passwordHash = await argon2.hash(input.password);
      // Whoever knew the old password is signed out.
      user.sessionsValidAfter = now;
    }
    user.updatedAt = now;
    await this.users.save(user, input.departmentIds, {
      actorUserId,
      action: 'user.updated',
      entityType: 'user',
      entityId: user.id,
      data: userChanges(before, user, input),
    });
    const departments = await this.users.departmentIdsByUser([id]);
    return toUserDto(user, departments.get(id) ?? []);
  }

  /** Ends every session of the user (signing out: tokens issued so far stop working). */
  async endSessions(userId: string): Promise<void> {
    await this.users.endSessions(userId, Date.now());
  }

  /** Without an active admin nobody could manage users or connectors again: the last one stays. */
  private async keepAnAdmin(user: UserEntity, input: UpdateUserDto): Promise<void> {
    const losesAdmin = (input.role !== undefined && input.role !== 'admin') || input.active === false;
    if (user.role !== 'admin' || !user.active || !losesAdmin) return;
    if ((await this.users.countActiveAdmins()) <= 1)
      throw conflict('The last active admin cannot be demoted or deactivated; make another user admin first');
  }

  /** The user for these credentials, or an unauthorized error that does not tell which part was wrong. */
  async verifyCredentials(email: string, password: string): Promise<UserEntity> {
    const user = await this.users.findByEmail(email);
    const valid =
      user && user.active && (await argon2.verify(user.passwordHash, password).catch(() => false));
    if (!user || !valid) throw new AppError('unauthorized', 'Wrong email or password');
    return user;
  }

  private async checkDepartments(ids: string[] | undefined): Promise<void> {
    if (!ids?.length) return;
    const existing = new Set(await this.users.existingDepartmentIds(ids));
    const unknown = ids.filter((id) => !existing.has(id));
    if (unknown.length) throw badRequest(`Unknown department ids: ${unknown.join(', ')}`);
  }
}
