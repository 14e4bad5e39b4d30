// Entry of the backtest worker thread: the workspace runs TypeScript through tsx, and a worker
// does not inherit the main thread's loader, so it registers its own before loading the job code.
import { register } from 'tsx/esm/api';

register();
await import('./backtest-worker.ts');
