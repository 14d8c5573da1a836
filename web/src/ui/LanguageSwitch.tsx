import { Segmented } from 'antd';
import { useI18n } from '../i18n/context';
import type { Locale } from '../i18n/format';

export function LanguageSwitch() {
  const { locale, setLocale } = useI18n();
  return (
    <Segmented<Locale>
      size="small"
      value={locale}
      onChange={setLocale}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'EN', value: 'en-US' },
      ]}
      aria-label="language"
    />
  );
}
