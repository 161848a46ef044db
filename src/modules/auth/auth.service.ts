import { Injectable } from '@nestjs/common';
import { TokenService } from '../../common/auth/token.service.js';
import { UsersService } from '../users/users.service.js';
import type { LoginDto, LoginResultDto } from './dto/login.dto.js';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokenService,
  ) {}

  async login(input: LoginDto): Promise<LoginResultDto> {
    const user = await this.users.verifyCredentials(input.email, input.password);
    const { token, expiresAt } = this.tokens.sign(user.id);
    return {
      accessToken: token,
      expiresAt: new Date(expiresAt).toISOString(),
      user: { id: user.id, email: user.email, name: user.name, role: user.role },
    };
  }

  /**
   * Signing out ends the user's sessions everywhere, not only this browser's cookie: a token
   * copied from a shared computer must not outlive the sign-out.
   */
  async logout(token: string | null): Promise<void> {
    const claims = token ? this.tokens.verify(token) : null;
    if (claims) await this.users.endSessions(claims.sub);
  }
}
