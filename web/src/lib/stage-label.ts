import type { ProjectStage } from '../api/types';
import { useI18n } from '../i18n/context';

export type StageLabels = Readonly<Record<ProjectStage, string>>;

export const STAGES: readonly ProjectStage[] = ['planning', 'reserve', 'signed', 'started', 'operating'];

/**
 * A stage as the region names it (新储备/新动工/新投产): in Chinese the region's own name; in English the
 * English name, followed by the region's where it named the stage otherwise than the default.
 */
export function useStageLabel(labels: StageLabels | undefined): (stage: ProjectStage) => string {
  const { t, locale } = useI18n();
  return (stage) => {
    const own = labels?.[stage];
    if (own === undefined) return t(`prj.stage.${stage}`);
    if (locale === 'zh-CN') return own;
    const english = t(`prj.stage.${stage}`);
    return own === DEFAULT_STAGE_NAMES[stage] ? english : `${english} (${own})`;
  };
}

/** The default Chinese names, to tell a region's own name from the default one. */
const DEFAULT_STAGE_NAMES: StageLabels = {
  planning: '谋划',
  reserve: '储备',
  signed: '签约',
  started: '开工',
  operating: '投产',
};
