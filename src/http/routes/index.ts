import type { FastifyInstance } from 'fastify';
import type { AppOptions } from '../app-options.js';
import { registerAccountRoutes } from './accounts/route.js';
import { registerAreaRoutes } from './areas/route.js';
import { registerAuditRoutes } from './audit/route.js';
import { registerAuthRoutes } from './auth/route.js';
import { registerCalendarRoutes } from './calendar/route.js';
import { registerDashboardRoutes } from './dashboard/route.js';
import { registerEvidenceRoutes } from './evidence/route.js';
import { registerInstructionRoutes } from './instructions/route.js';
import { registerMeasurementRoutes } from './measurements/route.js';
import { registerMilestoneRoutes } from './milestones/route.js';
import { registerNoticeRoutes } from './notices/route.js';
import { registerPeriodRoutes } from './periods/route.js';
import { registerPlanImportRoutes } from './plan-import/route.js';
import { registerPlanRoutes } from './plans/route.js';
import { registerRegionRoutes } from './regions/route.js';
import { registerReportRoutes } from './reports/route.js';
import { registerTargetRoutes } from './targets/route.js';
import { registerTaskRoutes } from './tasks/route.js';
import { registerUnitRoutes } from './units/route.js';
// Bulletins (通报)
import { registerBulletinRoutes } from './bulletins/route.js';

/** One folder per resource: route.ts (validate, call one service, present), schema.ts, presenter.ts. */
export function registerRoutes(api: FastifyInstance, options: AppOptions): void {
  const { ctx } = options;
  registerAuthRoutes(api, options);
  registerRegionRoutes(api, ctx);
  registerUnitRoutes(api, ctx);
  registerAccountRoutes(api, ctx);
  registerPlanRoutes(api, ctx);
  registerAreaRoutes(api, ctx);
  registerTargetRoutes(api, ctx);
  registerMeasurementRoutes(api, ctx);
  registerPlanImportRoutes(api, ctx);
  registerTaskRoutes(api, ctx);
  registerMilestoneRoutes(api, ctx);
  registerReportRoutes(api, ctx);
  registerPeriodRoutes(api, ctx);
  registerEvidenceRoutes(api, ctx);
  registerNoticeRoutes(api, ctx);
  registerInstructionRoutes(api, ctx);
  registerDashboardRoutes(api, ctx);
  registerAuditRoutes(api, ctx);
  registerCalendarRoutes(api, ctx);
  // Bulletins (通报)
  registerBulletinRoutes(api, ctx);
}
