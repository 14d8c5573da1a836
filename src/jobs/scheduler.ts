import { Cron } from 'croner';
import type { ServiceContext } from '../services/context.js';
import { runDirectiveEscalation } from './directive-escalation.js';
import { runEscalation } from './escalation-job.js';

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
  return {
    stop: () => {
      job.stop();
    },
  };
}
