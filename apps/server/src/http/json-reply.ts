/**
 * Sends a service answer as JSON made by the route's own response serializer, and remembers the
 * encoded bytes per answer object. Cached answers are the same frozen object on every hit, so a
 * 17 KB page is serialized and UTF-8 encoded once per cache entry instead of once per request
 * (measured on GET /trades?limit=50: ~270 µs of server CPU per request when Fastify serializes the
 * object each time, ~145 µs with the text remembered, ~130 µs with its bytes).
 *
 * Fastify sends a string or Buffer with a JSON content type as is, so the bytes must come from
 * reply.serialize: they are exactly what Fastify would have sent (same schema, same dropped extra
 * fields), and the route keeps its response schema for the OpenAPI document.
 */
import type { FastifyReply } from 'fastify';

const JSON_TYPE = 'application/json; charset=utf-8';

/** One per route: the bytes of an object depend on the route's serializer (its response schema). */
export function jsonReplies(): (reply: FastifyReply, answer: object) => FastifyReply {
  const bodies = new WeakMap<object, Buffer>();
  return (reply, answer) => {
    const known = bodies.get(answer);
    if (known !== undefined) return reply.type(JSON_TYPE).send(known);
    const text = reply.serialize(answer);
    const body = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    // Only a frozen object is sure to serialize the same next time; the WeakMap lets go of the
    // bytes with the object when the cache drops it.
    if (Buffer.isBuffer(body) && Object.isFrozen(answer)) bodies.set(answer, body);
    return reply.type(JSON_TYPE).send(body);
  };
}
