import { api, fileBody, ifMatch, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Ok<P extends keyof paths, M extends 'get' | 'post', S extends number> = paths[P] extends {
  [K in M]: { responses: { [C in S]: infer R } };
}
  ? Json<R>
  : never;

export type Directive = Ok<'/api/regions/{regionId}/directives', 'get', 200>[number];
export type DirectiveDetail = Ok<'/api/directives/{id}', 'get', 200>;
export type CheckpointKind = Directive['checkpoints'][number]['kind'];
export type CheckpointState = Directive['state'];
export type MeetingSummary = Ok<'/api/regions/{regionId}/meetings', 'get', 200>[number];
export type Meeting = Ok<'/api/meetings/{id}', 'get', 200>;
export type MeetingKind = Meeting['kind'];
export type MeetingInput = NonNullable<
  paths['/api/regions/{regionId}/meetings']['post']['requestBody']
>['content']['application/json'];
export type DirectiveInput = NonNullable<
  paths['/api/meeting-decisions/{id}/directive']['post']['requestBody']
>['content']['application/json'];
export type DecisionTaskInput = NonNullable<
  paths['/api/meeting-decisions/{id}/task']['post']['requestBody']
>['content']['application/json'];

export function listDirectives(regionId: string, state?: CheckpointState) {
  return unwrap(
    api.GET('/api/regions/{regionId}/directives', {
      params: { path: { regionId }, query: state ? { state } : {} },
    }),
  );
}

export function getDirective(id: string) {
  return unwrap(api.GET('/api/directives/{id}', { params: { path: { id } } }));
}

export function answerCheckpoint(id: string, checkpoint: CheckpointKind, body: string) {
  return unwrap(
    api.POST('/api/directives/{id}/checkpoints/{checkpoint}/answer', {
      params: { path: { id, checkpoint } },
      body: { body },
    }),
  );
}

export function uploadCheckpointEvidence(id: string, checkpoint: CheckpointKind, file: File) {
  return unwrap(
    api.POST('/api/directives/{id}/checkpoints/{checkpoint}/files', {
      params: { path: { id, checkpoint } },
      ...fileBody(file),
    }),
  );
}

export function directiveFileHref(fileId: string): string {
  return `/api/directive-files/${encodeURIComponent(fileId)}`;
}

export function requestExtension(id: string, body: { reason: string; progress: string; newDate: string }) {
  return unwrap(api.POST('/api/directives/{id}/extensions', { params: { path: { id } }, body }));
}

export function decideExtension(id: string, version: number, approve: boolean) {
  return unwrap(
    api.POST('/api/directive-extensions/{id}/decide', {
      params: { path: { id } },
      headers: ifMatch(version),
      body: { approve },
    }),
  );
}

export function listMeetings(regionId: string) {
  return unwrap(api.GET('/api/regions/{regionId}/meetings', { params: { path: { regionId } } }));
}

export function getMeeting(id: string) {
  return unwrap(api.GET('/api/meetings/{id}', { params: { path: { id } } }));
}

export function recordMeeting(regionId: string, body: MeetingInput) {
  return unwrap(api.POST('/api/regions/{regionId}/meetings', { params: { path: { regionId } }, body }));
}

export function directiveFromDecision(decisionId: string, body: DirectiveInput) {
  return unwrap(
    api.POST('/api/meeting-decisions/{id}/directive', { params: { path: { id: decisionId } }, body }),
  );
}

export function taskFromDecision(decisionId: string, body: DecisionTaskInput) {
  return unwrap(api.POST('/api/meeting-decisions/{id}/task', { params: { path: { id: decisionId } }, body }));
}

/** The region's plans a decision can be put on as a task. */
export function listPlans(regionId: string) {
  return unwrap(api.GET('/api/regions/{regionId}/plans', { params: { path: { regionId } } }));
}

export function uploadMeetingFile(meetingId: string, file: File) {
  return unwrap(
    api.POST('/api/meetings/{id}/files', {
      params: { path: { id: meetingId } },
      ...fileBody(file),
    }),
  );
}

export function meetingFileHref(fileId: string): string {
  return `/api/meeting-files/${encodeURIComponent(fileId)}`;
}
