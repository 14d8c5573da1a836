import type { ImportResult } from './import-api';

/*
 * The import answer carries what the ledger does not keep (source spans of the proposal, unmatched
 * unit names, warnings). Keep it for this tab so a reload of the review step does not lose it.
 */
const key = (planId: string) => `tz.import.${planId}`;

export function rememberImport(result: ImportResult): void {
  try {
    // The raw extraction is large and the review does not need it.
    const kept: Omit<ImportResult, 'extraction'> = {
      plan: result.plan,
      warnings: result.warnings,
      areas: result.areas,
      tasks: result.tasks,
      targets: result.targets,
      unmatchedUnits: result.unmatchedUnits,
      unreadDeadlines: result.unreadDeadlines,
    };
    sessionStorage.setItem(key(result.plan.id), JSON.stringify(kept));
  } catch {
    // Too large or storage off: the review step falls back to what the ledger has.
  }
}

export function recallImport(planId: string): Omit<ImportResult, 'extraction'> | null {
  try {
    const raw = sessionStorage.getItem(key(planId));
    return raw ? (JSON.parse(raw) as Omit<ImportResult, 'extraction'>) : null;
  } catch {
    return null;
  }
}
