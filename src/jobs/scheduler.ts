import { Cron } from 'croner';
import type { ServiceContext } from '../services/context.js';
import { runDirectiveEscalation } from './directive-escalation.js';
import { runEscalation } from './escalation-job.js';
import { prepareRollUps } from '../services/dashboard-service.js';

/**
 * Daily at 08:00 Beijing time, when offices open: reports due on the 5th are judged the morning after.
 * `protect` skips a run while the previous one is still going.
 */
export function startScheduler(ctx: ServiceContext, log: (message: string) => void): { stop(): void } {
  const job = new Cron('0 8 * * *', { timezone: 'Asia/Shanghai', protect: true }, async () => {
    try {
      const run = await runEscalation(ctx);
      log(`督办自动提醒 escalation: ${run.urge} urge, ${run.supervise} supervise`);
      const directives = await runDirectiveEscalation(ctx);
      log(`交办事项催办 directive checkpoints: ${directives.urge} urge`);
    } catch (error) {
      log(`escalation failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  // A day's standings are judged as of that day: the roll-ups are rebuilt just after midnight, and at start.
  const prepare = async () => {
    try {
      const regions = await prepareRollUps(ctx);
      if (regions > 0) log(`汇总预备 roll-ups prepared: ${regions} regions`);
    } catch (error) {
      log(`roll-up preparation failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const daily = new Cron('1 0 * * *', { timezone: 'Asia/Shanghai', protect: true }, prepare);
  const atStart = setTimeout(() => void prepare(), 0);
  return {
    stop: () => {
      job.stop();
      daily.stop();
      clearTimeout(atStart);
    },
  };
}
