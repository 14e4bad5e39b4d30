/**
 * A small schema language for model answers: one description per answer shape, from which the
 * OpenAI strict JSON Schema and the Gemini responseSchema are derived, and against which every
 * answer is checked. Structured output makes a valid shape likely, not certain (compatible servers
 * may ignore response_format, a truncated answer is cut mid-object), so nothing is trusted unchecked.
 *
 * Every property is required (OpenAI's strict mode demands it); an optional number is `nullable`.
 * Numeric bounds are checked here and stated in the description rather than sent as `minimum` /
 * `maximum`, which several OpenAI-compatible servers reject in strict mode.
 */
export type FieldSchema =
  | {
      readonly type: 'string';
      readonly description: string;
      readonly enum?: readonly string[];
    }
  | {
      readonly type: 'number';
      readonly description: string;
      readonly nullable?: boolean;
      readonly minimum?: number;
      readonly maximum?: number;
    }
  | { readonly type: 'array'; readonly description: string; readonly items: ObjectSchema }
  | ObjectSchema;

export interface ObjectSchema {
  readonly type: 'object';
  readonly description: string;
  readonly properties: Readonly<Record<string, FieldSchema>>;
}

/** A named top-level answer shape (the name goes into OpenAI's json_schema.name). */
export interface AnswerSchema extends ObjectSchema {
  readonly name: string;
}

/** The problems of `value` against `schema`, each naming its path; empty when it conforms. */
export function schemaIssues(value: unknown, schema: FieldSchema, path = '$'): string[] {
  switch (schema.type) {
    case 'string':
      if (typeof value !== 'string') return [`${path} must be a string`];
      if (schema.enum !== undefined && !schema.enum.includes(value)) {
        return [`${path} must be one of ${schema.enum.join(', ')}, got "${clip(value)}"`];
      }
      return [];
    case 'number':
      if (value === null && schema.nullable === true) return [];
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return [`${path} must be a finite number${schema.nullable === true ? ' or null' : ''}`];
      }
      if (schema.minimum !== undefined && value < schema.minimum) {
        return [`${path} must be at least ${schema.minimum}, got ${value}`];
      }
      if (schema.maximum !== undefined && value > schema.maximum) {
        return [`${path} must be at most ${schema.maximum}, got ${value}`];
      }
      return [];
    case 'array':
      if (!Array.isArray(value)) return [`${path} must be an array`];
      return value.flatMap((item: unknown, i) => schemaIssues(item, schema.items, `${path}[${i}]`));
    case 'object': {
      if (!isRecord(value)) return [`${path} must be an object`];
      const issues: string[] = [];
      for (const [key, field] of Object.entries(schema.properties)) {
        if (!(key in value)) issues.push(`${path}.${key} is missing`);
        else issues.push(...schemaIssues(value[key], field, `${path}.${key}`));
      }
      // Extra keys are tolerated (json_object mode cannot forbid them) and simply not read.
      return issues;
    }
  }
}

/** JSON Schema for OpenAI's `response_format: {type: 'json_schema', strict: true}`. */
export function toJsonSchema(schema: FieldSchema): Record<string, unknown> {
  switch (schema.type) {
    case 'string':
      return schema.enum === undefined
        ? { type: 'string', description: schema.description }
        : { type: 'string', description: schema.description, enum: [...schema.enum] };
    case 'number':
      return {
        type: schema.nullable === true ? ['number', 'null'] : 'number',
        description: schema.description,
      };
    case 'array':
      return { type: 'array', description: schema.description, items: toJsonSchema(schema.items) };
    case 'object':
      return {
        type: 'object',
        description: schema.description,
        properties: Object.fromEntries(
          Object.entries(schema.properties).map(([k, f]) => [k, toJsonSchema(f)]),
        ),
        required: Object.keys(schema.properties),
        additionalProperties: false,
      };
  }
}

/** A one-line-per-field description of the shape, for prompts (the json_object fallback relies on it). */
export function describeSchema(schema: ObjectSchema, indent = ''): string {
  return Object.entries(schema.properties)
    .map(([key, f]) => {
      const head = `${indent}- ${key} (${typeLabel(f)}): ${f.description}`;
      if (f.type === 'array') return `${head}\n${describeSchema(f.items, `${indent}  `)}`;
      if (f.type === 'object') return `${head}\n${describeSchema(f, `${indent}  `)}`;
      return head;
    })
    .join('\n');
}

function typeLabel(f: FieldSchema): string {
  if (f.type === 'string') return f.enum === undefined ? 'string' : f.enum.join(' | ');
  if (f.type === 'number') return f.nullable === true ? 'number or null' : 'number';
  return f.type === 'array' ? 'array of objects' : 'object';
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
