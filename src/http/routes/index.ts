import type { FastifyInstance } from 'fastify';
import type { AppOptions } from '../app-options.js';
import { registerAccountRoutes } from './accounts/route.js';
import { registerAreaRoutes } from './areas/route.js';
// Assessment (考核)
import { registerAssessmentRoundRoutes } from './assessment-rounds/route.js';
import { registerAssessmentSchemeRoutes } from './assessment-schemes/route.js';
import { registerAuditRoutes } from './audit/route.js';
import { registerAuthRoutes } from './auth/route.js';
import { registerCalendarRoutes } from './calendar/route.js';
import { registerDashboardRoutes } from './dashboard/route.js';
import { registerEvidenceRoutes } from './evidence/route.js';
import { registerExcelRoutes } from './excel/route.js';
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
// Directives and meetings (issue 11 §3–4).
import { registerDirectiveRoutes } from './directives/route.js';
import { registerMeetingRoutes } from './meetings/route.js';
// Indicators and key projects (issue 11)
import { registerIndicatorRoutes } from './indicators/route.js';
import { registerProjectRoutes } from './projects/route.js';
// Accountability, fault tolerance and the experience library (issue 10 §2–3).
import { registerAccountabilityRoutes } from './accountability/route.js';
import { registerAttachmentRoutes } from './attachments/route.js';
import { registerExperienceRoutes } from './experiences/route.js';
import { registerToleranceRoutes } from './tolerance-requests/route.js';

// Bulletins (通报)
import { registerBulletinRoutes } from './bulletins/route.js';
import { registerBulletinReceiptRoutes } from './bulletin-receipts/route.js';
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
  // Directives and meetings (issue 11 §3–4).
  registerMeetingRoutes(api, ctx);
  registerDirectiveRoutes(api, ctx);
  // Indicators and key projects (issue 11)
  registerIndicatorRoutes(api, ctx);
  registerProjectRoutes(api, ctx);
  // Accountability, fault tolerance and the experience library (issue 10 §2–3).
  registerAccountabilityRoutes(api, ctx);
  registerToleranceRoutes(api, ctx);
  registerAttachmentRoutes(api, ctx);
  registerExperienceRoutes(api, ctx);
  // Assessment (考核)
  registerAssessmentSchemeRoutes(api, ctx);
  registerAssessmentRoundRoutes(api, ctx);
  // Excel 台账 import and export
  registerExcelRoutes(api, ctx);
  // Bulletins (通报)
  registerBulletinRoutes(api, ctx);
  registerBulletinReceiptRoutes(api, ctx);
}
