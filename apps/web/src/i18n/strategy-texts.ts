/**
 * Strategy names, descriptions and parameter labels in the reader's language. The server sends
 * them in English (GET /strategies, the risk specs of GET /bot/config): English shows them as
 * sent, French looks them up by strategy id and parameter key (strategy-texts-fr.ts). An id or a
 * key French does not know yet (a new strategy) falls back to the server's text.
 */
import type { ParamSpecView } from '@numerusx/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isFrench } from './index';
import {
  FR_RISK_PARAMS,
  FR_SHARED_PARAMS,
  FR_STRATEGIES,
  type ParamText,
} from './strategy-texts-fr';

/** The owner of the risk gate's parameters, beside the strategy ids. */
export const RISK_OWNER = 'risk';

export interface StrategyTexts {
  /** The strategy's name; `serverName` (or the id) when French has none. */
  name(id: string, serverName?: string): string;
  description(id: string, serverDescription: string): string;
  /** Label and description of a parameter of `owner` (a strategy id or RISK_OWNER). */
  param(
    owner: string,
    spec: ParamSpecView,
  ): { readonly label: string; readonly description: string };
  /** The words for one value of an enum parameter. */
  option(owner: string, param: string, option: string): string;
}

const own = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

function frenchParam(owner: string, key: string): ParamText | undefined {
  if (owner === RISK_OWNER) return own(FR_RISK_PARAMS, key);
  const strategy = own(FR_STRATEGIES, owner);
  if (strategy === undefined) return undefined;
  return own(strategy.params, key) ?? own(FR_SHARED_PARAMS, key);
}

const ENGLISH: StrategyTexts = {
  name: (id, serverName) => serverName ?? id,
  description: (_id, serverDescription) => serverDescription,
  param: (_owner, spec) => ({ label: spec.name, description: spec.description }),
  option: (_owner, _param, option) => option,
};

const FRENCH: StrategyTexts = {
  name: (id, serverName) => own(FR_STRATEGIES, id)?.name ?? serverName ?? id,
  description: (id, serverDescription) => own(FR_STRATEGIES, id)?.description ?? serverDescription,
  param(owner, spec) {
    const fr = frenchParam(owner, spec.name);
    return fr === undefined
      ? { label: spec.name, description: spec.description }
      : { label: fr.label, description: fr.description };
  },
  option: (owner, param, option) => {
    const options = frenchParam(owner, param)?.options;
    return (options === undefined ? undefined : own(options, option)) ?? option;
  },
};

export function strategyTexts(language: string): StrategyTexts {
  return isFrench(language) ? FRENCH : ENGLISH;
}

export function useStrategyTexts(): StrategyTexts {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => strategyTexts(language), [language]);
}
