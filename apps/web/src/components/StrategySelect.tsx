/** The strategy picker of the bot's configuration and of a backtest: the strategies GET /strategies lists. */
import { useStrategies } from '../api/queries';

export function StrategySelect(props: {
  readonly label: string;
  readonly value: string;
  readonly name?: string;
  /** A new strategy: its parameters start again from their defaults. */
  readonly onChange: (id: string) => void;
}) {
  const strategies = useStrategies();
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
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
}
