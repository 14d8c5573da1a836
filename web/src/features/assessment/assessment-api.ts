import { api, fileBody, ifMatch, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';

/* Names for the shapes the assessment pages use, read off the generated schema. */
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Ok<P extends keyof paths, M extends 'get' | 'post' | 'put'> = paths[P] extends {
  [K in M]: { responses: { 200: infer R } };
}
  ? Json<R>
  : never;
type Body<P extends keyof paths, M extends 'post' | 'put' | 'patch'> = paths[P] extends {
  [K in M]: { requestBody?: { content: { 'application/json': infer B } } };
}
  ? B
  : never;

export type SchemeSummary = Ok<'/api/regions/{regionId}/assessment-schemes', 'get'>[number];
export type SchemeDetail = Ok<'/api/assessment-schemes/{id}', 'get'>;
export type Indicator = SchemeDetail['indicators'][number];
export type Round = Ok<'/api/assessment-rounds/{id}', 'get'>;
export type ResultRow = NonNullable<Round['rows']>[number];
export type Sheet = Ok<'/api/assessment-rounds/{id}/units/{unitId}', 'get'>;
export type SheetCell = Sheet['cells'][number];
export type Objection = Round['objections'][number];
export type Adjustment = Round['adjustments'][number];
export type IndicatorBody = Body<'/api/assessment-schemes/{id}/indicators', 'post'>;
export type ScoresBody = Body<'/api/assessment-rounds/{id}/units/{unitId}/scores', 'put'>;
export type AdjustmentBody = Body<'/api/assessment-rounds/{id}/adjustments', 'post'>;
export type Grade = ResultRow['grade'];
export type Stage = Round['stage'];

export function listSchemes(regionId: string) {
  return unwrap(api.GET('/api/regions/{regionId}/assessment-schemes', { params: { path: { regionId } } }));
}

export function createScheme(
  regionId: string,
  body: Body<'/api/regions/{regionId}/assessment-schemes', 'post'>,
) {
  return unwrap(
    api.POST('/api/regions/{regionId}/assessment-schemes', { params: { path: { regionId } }, body }),
  );
}

export function getScheme(id: string) {
  return unwrap(api.GET('/api/assessment-schemes/{id}', { params: { path: { id } } }));
}

export function addIndicator(schemeId: string, body: IndicatorBody) {
  return unwrap(
    api.POST('/api/assessment-schemes/{id}/indicators', { params: { path: { id: schemeId } }, body }),
  );
}

export function updateIndicator(id: string, version: number, body: Partial<IndicatorBody>) {
  return unwrap(
    api.PATCH('/api/assessment-indicators/{id}', {
      params: { path: { id } },
      headers: ifMatch(version),
      body,
    }),
  );
}

export function openRound(schemeId: string, period: string) {
  return unwrap(
    api.POST('/api/assessment-schemes/{id}/rounds', { params: { path: { id: schemeId } }, body: { period } }),
  );
}

export function getRound(id: string) {
  return unwrap(api.GET('/api/assessment-rounds/{id}', { params: { path: { id } } }));
}

/** The round's score table as an .xlsx (得分表), for those who read its results. */
export function scoresXlsxUrl(roundId: string): string {
  return `/api/assessment-rounds/${encodeURIComponent(roundId)}/scores.xlsx`;
}

export function getSheet(roundId: string, unitId: string) {
  return unwrap(
    api.GET('/api/assessment-rounds/{id}/units/{unitId}', { params: { path: { id: roundId, unitId } } }),
  );
}

export function saveScores(roundId: string, unitId: string, version: number, body: ScoresBody) {
  return unwrap(
    api.PUT('/api/assessment-rounds/{id}/units/{unitId}/scores', {
      params: { path: { id: roundId, unitId } },
      headers: ifMatch(version),
      body,
    }),
  );
}

export function advanceRound(id: string, version: number) {
  return unwrap(
    api.POST('/api/assessment-rounds/{id}/advance', { params: { path: { id } }, headers: ifMatch(version) }),
  );
}

export function proposeAdjustment(roundId: string, body: AdjustmentBody) {
  return unwrap(
    api.POST('/api/assessment-rounds/{id}/adjustments', { params: { path: { id: roundId } }, body }),
  );
}

export function decideAdjustment(id: string, version: number, approve: boolean) {
  return unwrap(
    api.POST('/api/assessment-adjustments/{id}/decide', {
      params: { path: { id } },
      headers: ifMatch(version),
      body: { approve },
    }),
  );
}

export function raiseObjection(
  roundId: string,
  body: { unitId: string; indicatorId?: string; body: string },
) {
  return unwrap(
    api.POST('/api/assessment-rounds/{id}/objections', { params: { path: { id: roundId } }, body }),
  );
}

export function replyObjection(id: string, version: number, reply: string) {
  return unwrap(
    api.POST('/api/assessment-objections/{id}/reply', {
      params: { path: { id } },
      headers: ifMatch(version),
      body: { reply },
    }),
  );
}

/** 自评 evidence on one cell. */
export function uploadCellEvidence(roundId: string, unitId: string, indicatorId: string, file: File) {
  return unwrap(
    api.POST('/api/assessment-rounds/{id}/units/{unitId}/indicators/{indicatorId}/files', {
      params: { path: { id: roundId, unitId, indicatorId } },
      ...fileBody(file),
    }),
  );
}

/** Evidence on a bonus/deduction item. */
export function uploadAdjustmentEvidence(id: string, file: File) {
  return unwrap(
    api.POST('/api/assessment-adjustments/{id}/files', {
      params: { path: { id } },
      ...fileBody(file),
    }),
  );
}

export function attachmentHref(id: string): string {
  return `/api/attachments/${encodeURIComponent(id)}`;
}

export function updateScheme(
  id: string,
  version: number,
  body: Body<'/api/assessment-schemes/{id}', 'patch'>,
) {
  return unwrap(
    api.PATCH('/api/assessment-schemes/{id}', { params: { path: { id } }, headers: ifMatch(version), body }),
  );
}

export function correctScore(
  roundId: string,
  version: number,
  body: Body<'/api/assessment-rounds/{id}/corrections', 'post'>,
) {
  return unwrap(
    api.POST('/api/assessment-rounds/{id}/corrections', {
      params: { path: { id: roundId } },
      headers: ifMatch(version),
      body,
    }),
  );
}
