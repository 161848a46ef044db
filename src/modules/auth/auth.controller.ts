import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { SkipThrottle, Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { type AuthUser, CurrentUser, Public } from '../../common/auth/auth.decorators.js';
import { readToken, SESSION_COOKIE } from '../../common/auth/session-cookie.js';
import { AuthService } from './auth.service.js';
import { LoginDto, type LoginResultDto } from './dto/login.dto.js';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** Returns a bearer token and also sets it as an httpOnly cookie for the web UI. */
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ login: {} })
  @SkipThrottle({ form: true, formTarget: true })
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Res({ passthrough: true }) res: Response): Promise<LoginResultDto> {
    const result = await this.auth.login(body);
    res.cookie(SESSION_COOKIE, result.accessToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: false,
      expires: new Date(result.expiresAt),
      path: '/',
    });
    return result;
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(readToken(req));
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: AuthUser): AuthUser {
    return user;
  }
}
