/**
 * The one middleware every server → client event passes: the payload is checked against its
 * contract schema; an unknown event or a payload that does not match is dropped with a console
 * warning, so a server bug or a version skew never reaches the cache or the screen half-formed.
 *
 * Value.Check (interpreted) and not TypeCompiler: the compiler builds functions with `new Function`,
 * which the server's CSP (script-src 'self', no 'unsafe-eval') forbids.
 */
import { ServerEvents, type ServerEventName, type ServerEventPayload } from '@numerusx/contracts';
import { Value } from '@sinclair/typebox/value';

/** A validated event, as a discriminated union so a switch on `event` narrows `payload`. */
export type LiveEvent = {
  [E in ServerEventName]: { readonly event: E; readonly payload: ServerEventPayload<E> };
}[ServerEventName];

export type Warn = (message: string, detail?: unknown) => void;

function isEventName(name: string): name is ServerEventName {
  return Object.hasOwn(ServerEvents, name);
}

/** Returns a handler for socket.onAny: validates, then calls `deliver` with a typed event. */
export function createEventGate(
  deliver: (event: LiveEvent) => void,
  warn: Warn = (m, d) => {
    console.warn(m, d);
  },
): (event: string, payload: unknown) => boolean {
  return (event, payload) => {
    if (!isEventName(event)) {
      warn(`socket: dropped unknown event "${event}"`);
      return false;
    }
    const schema = ServerEvents[event];
    if (!Value.Check(schema, payload)) {
      const first = Value.Errors(schema, payload).First();
      warn(`socket: dropped "${event}" that does not match its schema`, {
        path: first?.path,
        problem: first?.message,
      });
      return false;
    }
    // Value.Check just proved the payload has this event's shape.
    deliver({ event, payload } as LiveEvent);
    return true;
  };
}
