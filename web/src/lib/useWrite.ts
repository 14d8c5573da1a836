import { useState } from 'react';
import { App } from 'antd';
import { useErrorText } from '../i18n/error-text';

interface WriteOptions {
  /** Shown when the write succeeds; without it the caller's next step (e.g. navigating away) tells the user. */
  success?: string;
  /**
   * Handles an error itself and returns true, or returns false to get the default message. It may be async
   * (e.g. fetching what is stored now for a conflict); the button stays busy until it is done.
   */
  onError?: (error: unknown) => boolean | Promise<boolean>;
}

/**
 * One write from a button or form: the button shows it is busy, success and failure are told in a message,
 * and the caller learns which it was. Every small form of the app writes through this.
 */
export function useWrite() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const errorText = useErrorText();
  const run = async (work: () => Promise<unknown>, options: WriteOptions): Promise<boolean> => {
    setBusy(true);
    try {
      await work();
      if (options.success !== undefined) void message.success(options.success);
      return true;
    } catch (e) {
      if (!(await options.onError?.(e))) void message.error(errorText(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { run, busy };
}
