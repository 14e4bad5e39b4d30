/** Start / stop / emergency stop (with confirmation) / re-arm; hidden from viewers. */
import type { BotStatus, EmergencyStopBody } from '@numerusx/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/http';
import { keys } from '../../api/keys';
import { hasRole, useUser } from '../../auth/use-session';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { toast } from '../../components/toasts-store';
import { ErrorNote } from '../../components/ui';

type Action = 'start' | 'stop' | 'rearm' | 'emergency-stop';

export function BotControls({ status }: { readonly status: BotStatus }) {
  const { t } = useTranslation();
  const user = useUser();
  const qc = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [closePositions, setClosePositions] = useState(false);
  const [reason, setReason] = useState('');

  const action = useMutation({
    mutationFn: ({ kind, body }: { kind: Action; body?: EmergencyStopBody }) =>
      api.post<BotStatus>(`/bot/${kind}`, body),
    onSuccess(next, { kind }) {
      qc.setQueryData(keys.botStatus, next);
      const done = {
        start: t('bot.started'),
        stop: t('bot.stopped'),
        rearm: t('bot.rearmed'),
        'emergency-stop': t('bot.emergencyDone'),
      }[kind];
      toast('success', done);
      setConfirming(false);
    },
  });

  if (!hasRole(user, 'trader')) return <p className="muted">{t('common.readOnly')}</p>;

  const { state } = status;
  const running = state === 'running' || state === 'starting';
  const halted = state === 'emergency-stopped';
  return (
    <div className="actions" data-testid="bot-controls">
      <button
        type="button"
        className="btn primary"
        disabled={running || halted || action.isPending || !status.runtimeAvailable}
        onClick={() => {
          action.mutate({ kind: 'start' });
        }}
      >
        {t('bot.start')}
      </button>
      <button
        type="button"
        className="btn"
        disabled={!running || action.isPending}
        onClick={() => {
          action.mutate({ kind: 'stop' });
        }}
      >
        {t('bot.stop')}
      </button>
      <button
        type="button"
        className="btn danger"
        disabled={halted || action.isPending}
        onClick={() => {
          setConfirming(true);
        }}
      >
        {t('bot.emergency')}
      </button>
      {halted && hasRole(user, 'admin') && (
        <button
          type="button"
          className="btn"
          disabled={action.isPending}
          onClick={() => {
            action.mutate({ kind: 'rearm' });
          }}
        >
          {t('bot.rearm')}
        </button>
      )}
      <ErrorNote error={action.error} />
      <ConfirmDialog
        open={confirming}
        title={t('bot.emergencyTitle')}
        confirmLabel={t('bot.emergency')}
        danger
        busy={action.isPending}
        onClose={() => {
          setConfirming(false);
        }}
        onConfirm={() => {
          action.mutate({
            kind: 'emergency-stop',
            body: { closePositions, ...(reason.trim() === '' ? {} : { reason: reason.trim() }) },
          });
        }}
      >
        <p>{t('bot.emergencyText')}</p>
        <label className="inline">
          <input
            type="checkbox"
            checked={closePositions}
            onChange={(e) => {
              setClosePositions(e.target.checked);
            }}
          />
          {t('bot.closePositions')}
        </label>
        <label>
          {t('bot.reason')}
          <input
            value={reason}
            maxLength={500}
            onChange={(e) => {
              setReason(e.target.value);
            }}
          />
        </label>
      </ConfirmDialog>
    </div>
  );
}
