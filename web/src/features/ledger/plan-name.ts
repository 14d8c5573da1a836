import { planShortName as withoutIssuer } from '../../../../src/domain/area-names';

const MAX = 14;

/**
 * A plan's title short enough for a ledger column: the battle map's short name (the issuer and year
 * dropped, src/domain/area-names.ts), with the year kept when the plans shown span several years
 * ("2026年工作要点"); a long rest is cut with an ellipsis.
 */
export function planShortName(title: string, withYear = false): string {
  const short = withoutIssuer(title);
  const year = /20\d{2}年/.exec(title);
  const name = short !== title && withYear && year ? `${year[0]}${short}` : short;
  return name.length > MAX ? `${name.slice(0, MAX - 1)}…` : name;
}
