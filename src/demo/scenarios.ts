import { prng, scenarioOf, type Scenario } from './simulate.js';

/** One scenario per colour of the battle map: done, red, yellow, not started, green. */
const EVERY_COLOUR: readonly Scenario[] = ['done', 'delayed', 'behind', 'future', 'on_track'];

/** Whether the draw at `at` can be given up without losing a colour of the battle map. */
function spare(scenarios: readonly Scenario[], at: number): boolean {
  const s = scenarios[at]!;
  return !EVERY_COLOUR.includes(s) || scenarios.filter((x) => x === s).length > 1;
}

/**
 * The scenarios of one plan's tasks, drawn as before, then made to show every colour: whoever opens any
 * region's battle map should meet red, yellow, green, done and not started, whatever its document holds.
 * A missing colour takes the place of a draw whose scenario occurs more than once, spread over the plan.
 */
export function planScenarios(count: number, seed: number): Scenario[] {
  const rand = prng(seed);
  const out = Array.from({ length: count }, () => scenarioOf(rand()));
  if (count < EVERY_COLOUR.length) return out;
  const missing = EVERY_COLOUR.filter((s) => !out.includes(s));
  const step = Math.max(1, Math.floor(count / (missing.length + 1)));
  let at = step;
  for (const scenario of missing) {
    // Walk on from the spread position to the next draw that can be given up without losing a colour: one
    // whose colour another task also shows (or 'silent', a second kind of yellow). Such a draw always
    // exists, as the plan has more tasks than the colours it shows so far.
    while (!spare(out, at % count)) at++;
    out[at % count] = scenario;
    at += step;
  }
  return out;
}
