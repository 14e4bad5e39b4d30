/** Toasts: short notices (socket alerts, action results) shown in a corner for a few seconds. */
import { createStore } from '../lib/store';

export type ToastLevel = 'info' | 'success' | 'warning' | 'critical';

export interface Toast {
  readonly id: number;
  readonly level: ToastLevel;
  readonly message: string;
}

export const toasts = createStore<readonly Toast[]>([]);
let nextId = 1;

export function dismissToast(id: number): void {
  toasts.set(toasts.get().filter((t) => t.id !== id));
}

export function toast(
  level: ToastLevel,
  message: string,
  ms = level === 'critical' ? 15_000 : 6_000,
): void {
  const id = nextId++;
  // Five at most: a burst of alerts must not cover the screen.
  toasts.set([...toasts.get().slice(-4), { id, level, message }]);
  setTimeout(() => {
    dismissToast(id);
  }, ms);
}
