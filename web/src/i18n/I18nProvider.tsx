import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { I18nContext, type I18n } from './context';
import type { Locale } from './format';
import { en } from './messages.en';
import { zh, type MessageKey } from './messages.zh';
import { translate, type Vars } from './translate';

const STORAGE_KEY = 'tz.locale';

/** Chinese unless the user chose English on this browser before. */
function initialLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en-US' ? 'en-US' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/*
 * Blue for actions and focus: red stays the colour of delayed tasks, errors and danger, so a focused input
 * or a primary button never reads as a fault. The red of the masthead stays in the header.
 */
const PRIMARY_COLOR = '#1f5fa8';
const THEME = { token: { colorPrimary: PRIMARY_COLOR, borderRadius: 4 } };
/** antd spaces out two-character Chinese labels (退 回, 提 交); Chinese UI text is set solid. */
const BUTTON = { autoInsertSpace: false };

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  }, [locale]);

  const value = useMemo<I18n>(() => {
    const messages = locale === 'zh-CN' ? zh : en;
    return { locale, setLocale, t: (key: MessageKey, vars?: Vars) => translate(messages[key], vars) };
  }, [locale, setLocale]);

  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={THEME} button={BUTTON}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}
