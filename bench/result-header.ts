// The fields every bench part's JSON result starts with: which part, when, how long, on what.
import os from 'node:os';

export function resultHeader(part: string, quick: boolean, startedMs: number) {
  return {
    part,
    generatedAt: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    durationSec: (Date.now() - startedMs) / 1000,
    node: process.version,
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
  };
}
