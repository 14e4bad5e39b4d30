#!/usr/bin/env node
// Entry point of `numerusx`. The workspace runs its TypeScript sources directly through tsx's
// loader (no build step between `npm ci` and a working CLI).
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
