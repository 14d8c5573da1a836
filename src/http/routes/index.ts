import type { FastifyInstance } from 'fastify';
import type { AppOptions } from '../app.js';
import { registerAuditRoutes } from './audit.js';
import { registerAuthRoutes } from './auth.js';
import { registerDashboardRoutes } from './dashboard.js';
import { registerNoticeRoutes } from './notices.js';
import { registerPlanImportRoutes } from './plan-import.js';
import { registerPlanRoutes } from './plans.js';
import { registerRegionRoutes } from './regions.js';
import { registerReportRoutes } from './reports.js';
import { registerTaskRoutes } from './tasks.js';

export function registerRoutes(api: FastifyInstance, options: AppOptions): void {
  registerAuthRoutes(api, options);
  registerRegionRoutes(api, options.ctx);
  registerPlanRoutes(api, options.ctx);
  registerPlanImportRoutes(api, options.ctx);
  registerTaskRoutes(api, options.ctx);
  registerReportRoutes(api, options.ctx);
  registerNoticeRoutes(api, options.ctx);
  registerDashboardRoutes(api, options.ctx);
  registerAuditRoutes(api, options.ctx);
}
