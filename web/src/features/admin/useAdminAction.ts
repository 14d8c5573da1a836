import { App } from 'antd';
import { ApiError } from '../../api/errors';
import { useI18n } from '../../i18n/context';
import { useWrite } from '../../lib/useWrite';

/** Runs one admin write with feedback; a stale version reloads the list so the user acts on what is there now. */
export function useAdminAction(onChanged: () => void) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const write = useWrite();
  const run = async (work: () => Promise<unknown>, done: string): Promise<boolean> => {
    const ok = await write.run(work, {
      success: done,
      onError: (e) => {
        if (!(e instanceof ApiError && e.status === 412)) return false;
        void message.warning(t('admin.stale'), 6);
        onChanged();
        return true;
      },
    });
    if (ok) onChanged();
    return ok;
  };
  return { run, busy: write.busy };
}
