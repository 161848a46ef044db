import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { UsersRepository } from '../../modules/users/users.repository.js';
import type { Role } from '../../modules/users/user.entity.js';
import { AppError } from '../errors/app-error.js';
import { type AuthUser, hasRole, IS_PUBLIC, MIN_ROLE } from './auth.decorators.js';
import { readToken } from './session-cookie.js';
import { TokenService } from './token.service.js';

/**
 * Every route requires a signed-in, active user unless marked @Public(); @MinRole sets the least
 * role. The user is read from the database on each request, so a deactivation, role change,
 * sign-out or new password takes effect at once.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly users: UsersRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const token = readToken(request);
    const claims = token ? this.tokens.verify(token) : null;
    if (!claims) throw new AppError('unauthorized', 'Sign in required');
    const user = await this.users.findById(claims.sub);
    if (!user || !user.active || (claims.iat_ms ?? 0) <= user.sessionsValidAfter)
      throw new AppError('unauthorized', 'Sign in required');
    request.user = { id: user.id, email: user.email, name: user.name, role: user.role };
    const minRole = this.reflector.getAllAndOverride<Role | undefined>(MIN_ROLE, targets);
    if (minRole && !hasRole(user, minRole)) throw new AppError('forbidden', `Requires the ${minRole} role`);
    return true;
  }
}
