/** The core's strategy registry and parameter schemas as the API shows them (GET /strategies). */
import type { ParamSpecView, StrategyView } from '@numerusx/contracts';
import { listStrategies, type ParamSchema } from '@numerusx/core';

/** A parameter schema as a list, in the schema's own order (forms keep it). */
export function paramSpecViews(schema: ParamSchema): ParamSpecView[] {
  return Object.entries(schema).map(([name, spec]) => {
    switch (spec.type) {
      case 'integer':
      case 'number':
        return {
          name,
          type: spec.type,
          default: spec.default,
          min: spec.min,
          max: spec.max,
          ...(spec.step !== undefined ? { step: spec.step } : {}),
          description: spec.description,
        };
      case 'boolean':
        return { name, type: spec.type, default: spec.default, description: spec.description };
      case 'enum':
        return {
          name,
          type: spec.type,
          default: spec.default,
          options: [...spec.options],
          description: spec.description,
        };
    }
  });
}

export function strategyViews(): StrategyView[] {
  return listStrategies().map((s) => ({
    id: s.id,
    name: s.name,
    description: s.description,
    style: s.style,
    params: paramSpecViews(s.params),
  }));
}
