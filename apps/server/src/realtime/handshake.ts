/**
 * The Socket.io handshake check (DESIGN §3): `auth: {token}` must be a valid, unrevoked access JWT.
 * A refused connection gets `connect_error` with message `unauthorized` or `token_expired` (the
 * client refreshes and reconnects). It runs on recoveries too, so a resumed session is re-checked.
 */
import { AuthError } from '@numerusx/core';
import type { AccessClaims, AccessTokens } from '../auth/access-tokens.js';
import type { TokenRevocation } from '../auth/revocation.js';
import { verifyAccessToken } from '../http/authenticate.js';
import type { RealtimeLogger, RealtimeSocket } from './types.js';

/** `connect_error` messages a client can act on. */
export type HandshakeRefusal = 'unauthorized' | 'token_expired' | 'unavailable';

export interface HandshakeDeps {
  readonly accessTokens: AccessTokens;
  readonly revocation: TokenRevocation;
  readonly logger: () => RealtimeLogger;
}

/** JWTs we issue are a few hundred bytes; refuse anything far larger before parsing it. */
const MAX_TOKEN_LENGTH = 4096;

async function verifyHandshake(auth: unknown, deps: HandshakeDeps): Promise<AccessClaims> {
  const token =
    typeof auth === 'object' && auth !== null ? (auth as Record<string, unknown>)['token'] : null;
  if (typeof token !== 'string' || token === '' || token.length > MAX_TOKEN_LENGTH) {
    throw new AuthError('UNAUTHORIZED', 'missing access token');
  }
  return verifyAccessToken(token, deps.accessTokens, deps.revocation);
}

function refusal(error: unknown): HandshakeRefusal {
  if (!(error instanceof AuthError)) return 'unavailable';
  return error.code === 'TOKEN_EXPIRED' ? 'token_expired' : 'unauthorized';
}

/** io.use middleware: sets `socket.data` from the token's claims, or refuses the connection. */
export function authenticateHandshake(deps: HandshakeDeps) {
  return (socket: RealtimeSocket, next: (err?: Error) => void): void => {
    verifyHandshake(socket.handshake.auth, deps).then(
      (claims) => {
        socket.data = {
          userId: claims.userId,
          username: claims.username,
          role: claims.role,
          jti: claims.jti,
          expiresAt: claims.expiresAt,
        };
        next();
      },
      (error: unknown) => {
        const reason = refusal(error);
        // A store outage is ours, not the client's: log it; bad tokens are routine noise.
        if (reason === 'unavailable') {
          deps.logger().error({ err: error }, 'socket handshake check failed');
        }
        next(new Error(reason));
      },
    );
  };
}
