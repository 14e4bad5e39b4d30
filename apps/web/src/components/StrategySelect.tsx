/** The strategy picker of the bot's configuration and of a backtest: the strategies GET /strategies lists. */
import { useCallback } from 'react';
import { useStrategies } from '../api/queries';
import { useStrategyTexts } from '../i18n/strategy-texts';

export function StrategySelect(props: {
  readonly label: string;
  readonly value: string;
  readonly name?: string;
  /** A new strategy: its parameters start again from their defaults. */
  readonly onChange: (id: string) => void;
}) {
  const strategies = useStrategies();
  const texts = useStrategyTexts();
  return (
    <label>
      {props.label}
      <select
        {...(props.name === undefined ? {} : { name: props.name })}
        value={props.value}
        onChange={(e) => {
          props.onChange(e.target.value);
        }}
      >
        {(strategies.data?.items ?? []).map((s) => (
          <option key={s.id} value={s.id}>
            {texts.name(s.id, s.name)}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * A strategy's name from its id (backtest runs, the bot's status, a decision's signals carry only
 * the id): the server's name in English, the French one in French.
 */
export function useStrategyName(): (id: string) => string {
  const strategies = useStrategies();
  const texts = useStrategyTexts();
  const items = strategies.data?.items;
  return useCallback((id) => texts.name(id, items?.find((s) => s.id === id)?.name), [items, texts]);
}
