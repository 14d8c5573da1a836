import { api, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Urges = paths['/api/regions/{regionId}/directive-urges'] extends {
  get: { responses: { 200: infer R } };
}
  ? Json<R>
  : never;

export type DirectiveUrge = Urges[number];

/** A directive's urges still waiting for their checkpoint's answer: the unit's own, or the region's for the office. */
export function openDirectiveUrges(regionId: string) {
  return unwrap(api.GET('/api/regions/{regionId}/directive-urges', { params: { path: { regionId } } }));
}
