import { useSyncExternalStore } from 'react';
import { dismissToast, toasts } from './toasts-store';

export function Toasts() {
  const list = useSyncExternalStore(toasts.subscribe, toasts.get);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {list.map((item) => (
        <div key={item.id} className={`toast toast-${item.level}`}>
          <span>{item.message}</span>
          <button
            type="button"
            className="icon-btn"
            aria-label="×"
            onClick={() => {
              dismissToast(item.id);
            }}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
