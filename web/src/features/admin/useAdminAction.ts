import { useState } from 'react';
import { App } from 'antd';
import { ApiError, errorMessage } from '../../api/errors';
import { useI18n } from '../../i18n/context';

/** Runs one admin write with feedback; a stale version reloads the list so the user acts on what is there now. */
export function useAdminAction(onChanged: () => void) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>, done: string): Promise<boolean> => {
    setBusy(true);
    try {
      await work();
      void message.success(done);
      onChanged();
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        void message.warning(t('admin.stale'), 6);
        onChanged();
      } else {
        void message.error(errorMessage(e));
      }
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { run, busy };
}
