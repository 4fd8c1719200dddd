import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { ApiError } from './errors.js';

/**
 * Guards write endpoints. Without a configured token the server takes no writes at all: a server started without
 * one (the default) can be shown to anyone on the machine without letting them add to the archive.
 */
export function writeGuard(token: string | undefined): (request: FastifyRequest) => Promise<void> {
  const expected = token ? digest(token) : null;
  return async (request) => {
    if (!expected) throw new ApiError(403, 'writes_disabled', 'this server takes no writes: start it with PARALLAX_TOKEN set to enable them');
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match) throw new ApiError(401, 'unauthorized', 'this endpoint needs the header "Authorization: Bearer <PARALLAX_TOKEN>"');
    // Comparing digests of equal length in constant time tells an attacker nothing about the token's prefix.
    if (!timingSafeEqual(digest(match[1].trim()), expected)) throw new ApiError(401, 'unauthorized', 'the bearer token is wrong');
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
