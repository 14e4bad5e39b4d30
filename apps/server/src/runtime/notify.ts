/**
 * How the runtime announces what happened: Realtime.emit's signature, as a port, so the runtime
 * can be driven without a Socket.io server (the bench, the CLI) and tests can record the events.
 */
import type { ServerEventName, ServerEventPayload } from '@numerusx/contracts';
import type { Room } from '../realtime/channels.js';

export type Notify = <E extends ServerEventName>(
  room: Room | null,
  event: E,
  payload: ServerEventPayload<E>,
) => void;
