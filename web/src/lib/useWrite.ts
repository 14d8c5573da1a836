import { useState } from 'react';
import { App } from 'antd';
import { errorMessage } from '../api/errors';

interface WriteOptions {
  /** Shown when the write succeeds. */
  success: string;
  /** Handles an error itself and returns true, or returns false to get the default message. */
  onError?: (error: unknown) => boolean;
}

/**
 * One write from a button or form: the button shows it is busy, success and failure are told in a message,
 * and the caller learns which it was. Every small form of the app writes through this.
 */
export function useWrite() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>, options: WriteOptions): Promise<boolean> => {
    setBusy(true);
    try {
      await work();
      void message.success(options.success);
      return true;
    } catch (e) {
      if (!options.onError?.(e)) void message.error(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { run, busy };
}
