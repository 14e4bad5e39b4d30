/** The logged-in user and what their role may do (the server enforces it; this hides controls). */
import type { PublicUser, Role } from '@numerusx/contracts';
import { useSyncExternalStore } from 'react';
import { sessionStore, type SessionState } from '../api/session';

export function useSession(): SessionState {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}

const RANK: Readonly<Record<Role, number>> = { viewer: 0, trader: 1, admin: 2 };

export function hasRole(user: PublicUser | null, role: Role): boolean {
  return user !== null && RANK[user.role] >= RANK[role];
}

/** The signed-in user; only used under RequireAuth, where there always is one. */
export function useUser(): PublicUser {
  const { user } = useSession();
  if (user === null) throw new Error('useUser outside an authenticated route');
  return user;
}
