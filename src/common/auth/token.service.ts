import { Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../config/app-config.js';

export interface TokenClaims {
  sub: string;
  exp: number;
  /** Issued at, in milliseconds (JWT's `iat` has whole seconds, too coarse to order a sign-out). */
  iat_ms?: number;
}

const b64url = (input: Buffer | string) => Buffer.from(input).toString('base64url');

/** Compact HS256 JSON web tokens signed with a key derived from SECRET_KEY. */
@Injectable()
export class TokenService {
  private readonly key: Buffer;

  constructor(private readonly config: AppConfig) {
    this.key = createHmac('sha256', config.secretKey).update('resonanz:tokens').digest();
  }

  sign(userId: string, now = Date.now()): { token: string; expiresAt: number } {
    const expiresAt = now + this.config.env.TOKEN_TTL_SECONDS * 1000;
    const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const payload = b64url(JSON.stringify({ sub: userId, exp: Math.floor(expiresAt / 1000), iat_ms: now }));
    return { token: `${header}.${payload}.${this.signature(`${header}.${payload}`)}`, expiresAt };
  }

  /** The claims of a valid, unexpired token; null for anything else. */
  verify(token: string): TokenClaims | null {
    const parts = token.split('.');
    if (parts.length !== 3) return null;
    const expected = Buffer.from(this.signature(`${parts[0]}.${parts[1]}`));
    const given = Buffer.from(parts[2]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as TokenClaims;
      if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return null;
      return claims.exp * 1000 > Date.now() ? claims : null;
    } catch {
      return null;
    }
  }

  private signature(input: string): string {
    return createHmac('sha256', this.key).update(input).digest('base64url');
  }
}
