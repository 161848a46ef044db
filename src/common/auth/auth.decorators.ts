import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '../../modules/users/user.entity.js';

export const IS_PUBLIC = 'resonanz:public';
export const MIN_ROLE = 'resonanz:min-role';

/** Opts a route out of authentication (login, public forms, status pages, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The least role a route needs; roles are ordered agent < manager < admin. */
export const MinRole = (role: Role) => SetMetadata(MIN_ROLE, role);

export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** The signed-in user of the request. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AuthUser =>
    ctx.switchToHttp().getRequest<{ user: AuthUser }>().user,
);

const RANK: Record<Role, number> = { agent: 0, manager: 1, admin: 2 };
export const hasRole = (user: { role: Role }, min: Role) => RANK[user.role] >= RANK[min];
