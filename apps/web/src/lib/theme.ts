/**
 * Light/dark theme: follows the system until the user picks one, then the pick is remembered.
 * The attribute on <html> switches the CSS variables (styles/base.css).
 */
import { useSyncExternalStore } from 'react';
import { createStore } from './store';

export type Theme = 'light' | 'dark';
const STORAGE_KEY = 'nx-theme';

function systemTheme(): Theme {
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function storedTheme(): Theme | null {
  const v = localStorage.getItem(STORAGE_KEY);
  return v === 'light' || v === 'dark' ? v : null;
}

const theme = createStore<Theme>('light');

function apply(t: Theme): void {
  document.documentElement.dataset['theme'] = t;
  theme.set(t);
}

export function initTheme(): void {
  apply(storedTheme() ?? systemTheme());
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    if (storedTheme() === null) apply(systemTheme());
  });
}

export function toggleTheme(): void {
  const next: Theme = theme.get() === 'dark' ? 'light' : 'dark';
  localStorage.setItem(STORAGE_KEY, next);
  apply(next);
}

export function useTheme(): Theme {
  return useSyncExternalStore(theme.subscribe, theme.get);
}
