import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuthGuard } from '../../common/auth/auth.guard.js';
import { TokenService } from '../../common/auth/token.service.js';
import { AppConfig } from '../../common/config/app-config.js';
import { UsersModule } from '../users/users.module.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';

@Module({
  imports: [
    UsersModule,
    // Named limits; a route opts in with @UseGuards(ThrottlerGuard). The guard applies EVERY named
    // limit to such a route, so each route skips the ones that are not its own (@SkipThrottle).
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        throttlers: [
          { name: 'login', ttl: 60_000, limit: config.env.LOGIN_RATE_LIMIT },
          // Public web forms and status pages: per client address ...
          { name: 'form', ttl: 60_000, limit: config.env.FORM_RATE_LIMIT },
          // ... and per form (or status page), so a flood spread over many addresses stops too.
          {
            name: 'formTarget',
            ttl: 60_000,
            limit: config.env.FORM_RATE_LIMIT_PER_FORM,
            getTracker: (req: { params?: Record<string, string | undefined> }) =>
              `target:${req.params?.publicKey ?? req.params?.token ?? ''}`,
          },
        ],
        errorMessage: 'Too many attempts, try again in a minute',
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, TokenService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenService],
})
export class AuthModule {}
